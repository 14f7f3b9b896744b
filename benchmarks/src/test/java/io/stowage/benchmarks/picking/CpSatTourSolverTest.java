package io.stowage.benchmarks.picking;

import io.stowage.picking.layout.AisleBlockage;
import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.LayoutDescription;
import io.stowage.picking.layout.Point;
import io.stowage.picking.layout.WarehouseLayout;
import io.stowage.picking.routing.PickRouter;
import io.stowage.picking.routing.RoutingMethod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpSatTourSolverTest {

    private static final CpSatTourSolver SOLVER = new CpSatTourSolver(Duration.ofSeconds(20));

    /** Two blocks on the benchmark's raster, and three off it with the depot between aisles and two blockages. */
    private static final List<WarehouseLayout> MULTI_BLOCK = List.of(
            new GridWarehouse(10, 2, 10, 1.3, 3.0, 2.5, 0.0).build(),
            blockedThreeBlocks());

    @Test
    void provesTheHeldKarpOptimumOnSmallMultiBlockLists() {
        for (int trial = 0; trial < 30; trial++) {
            WarehouseLayout layout = MULTI_BLOCK.get(trial % 2);
            List<String> picks = new GeneratedInstances(layout, trial).pickList(1 + trial % 12);
            ExactTour exact = SOLVER.solve(layout, picks);
            double heldKarp = PickRouter.route(layout, picks, RoutingMethod.HELD_KARP).lengthMetres();

            assertThat(exact.proven()).as("picks %s", picks).isTrue();
            // Arcs are costed in whole millimetres: at most a millimetre a stop from the true optimum.
            assertThat(exact.lengthMetres()).as("picks %s", picks).isCloseTo(heldKarp, within(0.001 * picks.size()));
            assertVisitsEveryStopOnce(layout, picks, exact);
        }
    }

    @Test
    void isNeverLongerThanOurRouteOnThirtyPickLists() {
        WarehouseLayout threeBlocks = new GridWarehouse(12, 3, 12, 1.3, 3.0, 2.5, 0.0).build();
        GeneratedInstances generator = new GeneratedInstances(threeBlocks, 30);
        for (int trial = 0; trial < 3; trial++) {
            List<String> picks = generator.pickList(30);
            ExactTour exact = SOLVER.solve(threeBlocks, picks);

            assertThat(exact.proven()).as("picks %s", picks).isTrue();
            assertThat(exact.lengthMetres()).as("picks %s", picks)
                    .isLessThanOrEqualTo(PickRouter.route(threeBlocks, picks, RoutingMethod.BEST).lengthMetres() + 1e-6)
                    .isGreaterThanOrEqualTo(exact.lowerBoundMetres() - 1e-6);
            assertVisitsEveryStopOnce(threeBlocks, picks, exact);
        }
    }

    private static void assertVisitsEveryStopOnce(WarehouseLayout layout, List<String> picks, ExactTour exact) {
        int[] stops = picks.stream().mapToInt(layout::nodeOf).distinct().sorted().toArray();
        int[] visited = exact.order().clone();
        Arrays.sort(visited);
        assertThat(visited).as("picks %s", picks).containsExactly(stops);
    }

    private static WarehouseLayout blockedThreeBlocks() {
        GridWarehouse grid = new GridWarehouse(8, 3, 8, 1.23, 2.9, 2.4, 7.0);
        LayoutDescription description = new LayoutDescription(grid.crossAisles(), new Point(7.0, -1.7), Map.of(),
                List.of(new AisleBlockage(3, 5.0), new AisleBlockage(6, 14.0)));
        return WarehouseLayout.of(grid.locations(), description);
    }
}
