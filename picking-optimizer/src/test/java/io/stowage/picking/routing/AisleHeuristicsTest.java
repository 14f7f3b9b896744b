package io.stowage.picking.routing;

import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.WarehouseLayout;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Four aisles 3 m apart (centres x 1.5, 4.5, 7.5, 10.5), one block of ten 1 m bays between cross aisles at
 * y 0 and y 12 (bay b at y b + 0.5), depot at the front left corner. Picks: aisle 1 at y 2.5 and 9.5,
 * aisle 2 at y 5.5, aisle 4 at y 3.5. Every length below is worked out by hand in the comments.
 */
class AisleHeuristicsTest {

    private final WarehouseLayout layout = new GridWarehouse(4, 1, 10, 1.0, 3.0, 2.0, 0.0).build();
    private final List<String> picks = List.of("A04-003-L", "A01-009-R", "A02-005-L", "A01-002-L");

    @Test
    void sShapeTraversesAislesAndReturnsInTheOddLastOne() {
        Route route = PickRouter.route(layout, picks, RoutingMethod.S_SHAPE);
        // to aisle 1: 1.5; up aisle 1: 12; across the back: 3; down aisle 2: 12;
        // along the front to aisle 4: 6; into aisle 4 and back: 7; home: 10.5
        assertThat(route.lengthMetres()).isCloseTo(52.0, within(1e-9));
        assertThat(route.stops()).containsExactly("A01-002-L", "A01-009-R", "A02-005-L", "A04-003-L");
        assertThat(route.method()).isEqualTo("s-shape");
    }

    @Test
    void returnEntersEveryAisleFromTheFront() {
        Route route = PickRouter.route(layout, picks, RoutingMethod.RETURN);
        // 1.5 + 2 * 9.5 + 3 + 2 * 5.5 + 6 + 2 * 3.5 + 10.5
        assertThat(route.lengthMetres()).isCloseTo(58.0, within(1e-9));
        assertThat(route.stops()).containsExactly("A01-002-L", "A01-009-R", "A02-005-L", "A04-003-L");
    }

    @Test
    void largestGapTraversesTheOuterAislesAndSkipsEachInnerAislesLargestGap() {
        Route route = PickRouter.route(layout, picks, RoutingMethod.LARGEST_GAP);
        // up aisle 1: 1.5 + 12; along the back to aisle 4: 9; down aisle 4: 12;
        // aisle 2's largest gap is above its pick (6.5 m > 5.5 m), so it is picked from the front on the
        // way home: 6 + 2 * 5.5; home: 4.5
        assertThat(route.lengthMetres()).isCloseTo(56.0, within(1e-9));
        assertThat(route.stops()).containsExactly("A01-002-L", "A01-009-R", "A04-003-L", "A02-005-L");
    }

    @Test
    void largestGapReachesPicksBeyondTheGapFromTheBack() {
        List<String> withDeepPick = List.of("A01-001-L", "A02-001-L", "A02-010-L", "A03-005-L");
        Route route = PickRouter.route(layout, withDeepPick, RoutingMethod.LARGEST_GAP);
        // up aisle 1: 1.5 + 12; to aisle 2's back: 3, down to y 10.5 and back: 3; on to aisle 3: 3;
        // down aisle 3: 12; along the front to aisle 2: 3, up to y 1.5 and back: 3; home: 4.5
        assertThat(route.lengthMetres()).isCloseTo(45.0, within(1e-9));
        assertThat(route.stops()).containsExactly("A01-001-L", "A02-010-L", "A03-005-L", "A02-001-L");
    }

    @Test
    void theExactRouteIsNeverLongerThanAnyHeuristic() {
        double best = PickRouter.route(layout, picks).lengthMetres();
        for (RoutingMethod heuristic : List.of(RoutingMethod.S_SHAPE, RoutingMethod.RETURN, RoutingMethod.LARGEST_GAP)) {
            assertThat(best).isLessThanOrEqualTo(PickRouter.route(layout, picks, heuristic).lengthMetres());
        }
    }
}
