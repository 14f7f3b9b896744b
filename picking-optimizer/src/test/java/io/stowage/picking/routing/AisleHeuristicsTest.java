package io.stowage.picking.routing;

import io.stowage.picking.layout.AisleBlockage;
import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.LayoutDescription;
import io.stowage.picking.layout.Point;
import io.stowage.picking.layout.WarehouseLayout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Single block: four aisles 3 m apart (centres x 1.5, 4.5, 7.5, 10.5), one block of ten 1 m bays between cross
 * aisles at y 0 and y 12 (bay b at y b + 0.5), depot at the front left corner. Picks: aisle 1 at y 2.5 and 9.5,
 * aisle 2 at y 5.5, aisle 4 at y 3.5. The multi-block cases describe their layouts where they start. Every
 * length below is worked out by hand in the comments.
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

    /*
     * Two blocks: the same four aisles, five 1 m bays a block, cross aisles 2 m wide at y 0, 7 and 14 (bays 1-5 at
     * y 1.5-5.5, bays 6-10 at y 8.5-12.5), depot at the front left corner.
     */
    private final WarehouseLayout twoBlocks = new GridWarehouse(4, 2, 5, 1.0, 3.0, 2.0, 0.0).build();
    /*
     * Three blocks: five aisles (x 1.5 ... 13.5), four 1 m bays a block, cross aisles at y 0, 6, 12 and 18 (bays
     * 1-4 at y 1.5-4.5, 5-8 at 7.5-10.5, 9-12 at 13.5-16.5), depot on the front cross aisle at x 9, between
     * aisles 3 and 4. Picks: aisle 1 at y 3.5; aisles 2, 4 and 5 in the front block at y 2.5, 4.5 and 1.5; none in
     * the middle block; aisles 2, 3 and 5 in the back block at y 14.5, 13.5 and 15.5.
     */
    private final WarehouseLayout threeBlocks = new GridWarehouse(5, 3, 4, 1.0, 3.0, 2.0, 9.0).build();
    private final List<String> threeBlockPicks = List.of("A05-011-L", "A02-002-L", "A04-004-L", "A03-009-L",
            "A01-003-L", "A05-001-L", "A02-010-L");

    @Test
    void sShapeOnTwoBlocksGoesUpTheFirstAisleThenTraversesBlockByBlock() {
        List<String> twoBlockPicks = List.of("A04-009-L", "A03-004-L", "A01-002-L", "A02-008-L", "A04-001-L");
        Route route = PickRouter.route(twoBlocks, twoBlockPicks, RoutingMethod.S_SHAPE);
        // to aisle 1: 1.5; up aisle 1 to the middle cross aisle, picking y 2.5: 7.
        // Back block (aisles 2 and 4): to aisle 2: 3, up it: 7; along the back to aisle 4: 6, down it: 7.
        // Front block (aisles 3 and 4 left; the picker is at aisle 4, the closer end): down aisle 4: 7; aisle 3
        // is the last and the picker is at the front, so in to y 4.5 and out: 3 + 9; home from x 7.5: 7.5.
        // (The single-block S-shape traverses all four aisles at full depth: 77.)
        assertThat(route.lengthMetres()).isCloseTo(58.0, within(1e-9));
        assertThat(route.stops()).containsExactly("A01-002-L", "A02-008-L", "A04-009-L", "A04-001-L", "A03-004-L");
    }

    @Test
    void sShapeOnThreeBlocksCrossesAnEmptyBlockAndEndsEachBlockOnItsFrontCrossAisle() {
        Route route = PickRouter.route(threeBlocks, threeBlockPicks, RoutingMethod.S_SHAPE);
        // to aisle 1: 7.5; up aisle 1 to y 12, picking y 3.5: 12.
        // Back block (aisles 2, 3, 5): to aisle 2: 3, up it: 6; aisle 3 is the closer end: 3, down it: 6;
        // aisle 5 is the last and the picker is at the front: 6, in to y 15.5 and out: 7.
        // Middle block, no picks: down aisle 5: 6.
        // Front block (aisles 2, 4, 5; aisle 5 is the closer end): down aisle 5: 6; to aisle 4: 3, up it: 6;
        // aisle 2 is the last, reached from the back: 6, down it: 6; home from x 4.5: 4.5.
        assertThat(route.lengthMetres()).isCloseTo(88.0, within(1e-9));
        assertThat(route.stops()).containsExactly(
                "A01-003-L", "A02-010-L", "A03-009-L", "A05-011-L", "A05-001-L", "A04-004-L", "A02-002-L");
    }

    @Test
    void largestGapOnThreeBlocksSkipsEachSubAislesLargestGapWithinItsBlock() {
        Route route = PickRouter.route(threeBlocks, threeBlockPicks, RoutingMethod.LARGEST_GAP);
        // Front block, aisle 2 (pick at y 2.5 of 0-6): its largest gap is behind the pick, so it is picked from
        // the front, and being left of the depot, on the way out: 4.5 + 2 * 2.5; on to aisle 1: 3.
        // Up aisle 1 to y 12, picking y 3.5: 12.
        // Back block (12-18): to aisle 2: 3, up it: 6; the last sub-aisle is aisle 5, the farther end. Aisle 3's
        // pick at y 13.5 has its largest gap (4.5) behind it, so it is left for the front cross aisle. Along the
        // back to aisle 5: 9, down it: 6; back along y 12 to aisle 3: 6, in to y 13.5 and out: 3.
        // Middle block, no picks: down aisle 3: 6.
        // Front block (aisles 4 and 5 left; aisle 5 is the farther end): aisle 4's pick at y 4.5 has its largest
        // gap in front of it, so from the back: 3 + 2 * 1.5; to aisle 5: 3, down it: 6; home from x 13.5: 4.5.
        assertThat(route.lengthMetres()).isCloseTo(83.0, within(1e-9));
        assertThat(route.stops()).containsExactly(
                "A02-002-L", "A01-003-L", "A02-010-L", "A05-011-L", "A03-009-L", "A04-004-L", "A05-001-L");
    }

    @Test
    void onEveryLayoutTheHeuristicsVisitEveryPickFromAndBackToTheDepotAndAreNeverShorterThanTheOptimum() {
        Random random = new Random(31);
        GridWarehouse threeBlockGrid = new GridWarehouse(7, 3, 5, 1.0, 3.0, 2.0, 10.0);
        LayoutDescription blocked = new LayoutDescription(threeBlockGrid.crossAisles(), new Point(10.0, -1.5), Map.of(),
                List.of(new AisleBlockage(2, 4.0), new AisleBlockage(4, 10.5), new AisleBlockage(6, 16.0)));
        List<WarehouseLayout> layouts = List.of(new GridWarehouse(6, 2, 6, 1.0, 3.0, 2.0, 0.0).build(),
                threeBlockGrid.build(), WarehouseLayout.of(threeBlockGrid.locations(), blocked),
                new GridWarehouse(5, 4, 3, 1.2, 2.5, 1.5, 20.0).build(), layout);
        for (WarehouseLayout warehouse : layouts) {
            for (int trial = 0; trial < 120; trial++) {
                List<String> codes = RandomPickLists.draw(warehouse, 1 + random.nextInt(11), random);
                int[] nodes = RandomPickLists.distinctNodes(warehouse, codes);
                double optimum = HeldKarp.solve(warehouse, nodes).length();
                for (RoutingMethod heuristic : List.of(RoutingMethod.S_SHAPE, RoutingMethod.LARGEST_GAP, RoutingMethod.RETURN)) {
                    NodeTour tour = PickRouter.solve(warehouse, nodes, heuristic);
                    String what = heuristic.label() + " through " + codes;
                    assertThat(tour.order()).as(what).containsExactlyInAnyOrder(nodes);
                    // the walk leaves the depot, visits the picks in this order and comes back, detours included
                    assertThat(tour.length()).as(what).isFinite()
                            .isGreaterThanOrEqualTo(NodeTour.lengthOf(warehouse, tour.order()) - 1e-9)
                            .isGreaterThanOrEqualTo(optimum - 1e-9);
                    assertThat(PickRouter.route(warehouse, codes, heuristic).stops()).as(what)
                            .containsExactlyInAnyOrderElementsOf(codes.stream().distinct().toList());
                }
            }
        }
    }

    @Test
    void onSeveralBlocksTheMiddleCrossAislesShortenTheLargestGapRoute() {
        Random random = new Random(32);
        WarehouseLayout warehouse = new GridWarehouse(10, 3, 8, 1.0, 3.0, 2.0, 15.0).build();
        double blockwise = 0;
        double wholeDepth = 0;
        for (int trial = 0; trial < 100; trial++) {
            int[] nodes = RandomPickLists.distinctNodes(warehouse, RandomPickLists.draw(warehouse, 10, random));
            blockwise += AisleHeuristics.largestGap(warehouse, nodes).length();
            wholeDepth += AisleHeuristics.wholeDepthLargestGap(warehouse, nodes).length();
        }
        assertThat(blockwise).isLessThan(wholeDepth * 0.95);
    }
}
