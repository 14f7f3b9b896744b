package io.stowage.picking.routing;

import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.WarehouseLayout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RouteLengthEstimatorTest {

    @Test
    void onASingleBlockTheBestAvailableLengthIsTheOptimum() {
        Random random = new Random(21);
        for (double depotX : new double[] {0.0, 7.0, 13.5, 40.0}) {
            WarehouseLayout layout = new GridWarehouse(8, 1, 15, 1.0, 3.0, 2.0, depotX).build();
            RouteLengthEstimator estimator = RouteLengthEstimator.bestAvailable(layout);
            assertThat(estimator.isExact()).isTrue();
            for (int trial = 0; trial < 200; trial++) {
                int[] nodes = RandomPickLists.distinctNodes(layout, RandomPickLists.draw(layout, 1 + random.nextInt(30), random));
                assertThat(estimator.metres(List.of(nodes)))
                        .isCloseTo(RatliffRosenthal.solve(layout, nodes).length(), within(1e-6));
            }
        }
    }

    @Test
    void theLargestGapLengthIsTheLargestGapRoute() {
        Random random = new Random(22);
        for (WarehouseLayout layout : List.of(new GridWarehouse(8, 1, 15, 1.0, 3.0, 2.0, 7.0).build(),
                new GridWarehouse(9, 3, 6, 1.0, 3.0, 2.0, 0.0).build())) {
            RouteLengthEstimator estimator = RouteLengthEstimator.largestGap(layout);
            for (int trial = 0; trial < 200; trial++) {
                int[] nodes = RandomPickLists.distinctNodes(layout, RandomPickLists.draw(layout, 1 + random.nextInt(30), random));
                assertThat(estimator.metres(List.of(nodes)))
                        .isCloseTo(AisleHeuristics.largestGap(layout, nodes).length(), within(1e-6));
            }
        }
    }

    @Test
    void ordersSharingALocationAreCountedOnce() {
        WarehouseLayout layout = new GridWarehouse(4, 1, 10, 1.0, 3.0, 2.0, 0.0).build();
        RouteLengthEstimator estimator = RouteLengthEstimator.bestAvailable(layout);
        int[] first = {layout.nodeOf("A02-004-L")};
        int[] second = {layout.nodeOf("A02-004-R"), layout.nodeOf("A03-002-L")};
        assertThat(estimator.metres(List.of(first, second))).isCloseTo(estimator.metres(List.of(second)), within(1e-9));
        assertThat(estimator.isExact()).isTrue();
        assertThat(RouteLengthEstimator.bestAvailable(new GridWarehouse(4, 2, 5, 1.0, 3.0, 2.0, 0.0).build()).isExact()).isFalse();
    }
}
