package io.stowage.picking.routing;

import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.WarehouseLayout;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
                        .isCloseTo(AisleHeuristics.wholeDepthLargestGap(layout, nodes).length(), within(1e-6));
            }
        }
    }

    @Test
    void onSeveralBlocksTheBestAvailableLengthIsAWalkingTourCloseToTheOptimum() {
        Random random = new Random(23);
        WarehouseLayout layout = new GridWarehouse(9, 3, 6, 1.0, 3.0, 2.0, 0.0).build();
        RouteLengthEstimator estimator = RouteLengthEstimator.bestAvailable(layout);
        RouteLengthEstimator largestGap = RouteLengthEstimator.largestGap(layout);
        double estimateError = 0;
        double largestGapError = 0;
        for (int trial = 0; trial < 200; trial++) {
            int[] nodes = RandomPickLists.distinctNodes(layout, RandomPickLists.draw(layout, 1 + random.nextInt(14), random));
            double optimum = HeldKarp.solve(layout, nodes).length();
            double estimate = estimator.metres(List.of(nodes));
            if (nodes.length <= RouteLengthEstimator.EXACT_TOUR_STOPS) {
                assertThat(estimate).isCloseTo(optimum, within(1e-6));
            }
            // a real walk through every stop, so never shorter than the optimum
            assertThat(estimate).isGreaterThanOrEqualTo(optimum - 1e-6).isLessThanOrEqualTo(optimum * 1.15);
            estimateError += estimate / optimum - 1;
            largestGapError += largestGap.metres(List.of(nodes)) / optimum - 1;
        }
        assertThat(estimateError).isLessThan(largestGapError / 10);
    }

    @Test
    void theWalkingTourDoesNotDependOnTheOrderOfTheStops() {
        WarehouseLayout layout = new GridWarehouse(9, 3, 6, 1.0, 3.0, 2.0, 0.0).build();
        RouteLengthEstimator estimator = RouteLengthEstimator.bestAvailable(layout);
        Random random = new Random(24);
        for (int trial = 0; trial < 50; trial++) {
            List<Integer> nodes = new ArrayList<>(Arrays.stream(
                    RandomPickLists.distinctNodes(layout, RandomPickLists.draw(layout, 8 + random.nextInt(20), random))).boxed().toList());
            double inOrder = estimator.metres(List.of(nodes.stream().mapToInt(Integer::intValue).toArray()));
            Collections.shuffle(nodes, random);
            int half = nodes.size() / 2;
            double shuffledInTwoParts = estimator.metres(List.of(
                    nodes.subList(0, half).stream().mapToInt(Integer::intValue).toArray(),
                    nodes.subList(half, nodes.size()).stream().mapToInt(Integer::intValue).toArray()));
            assertThat(shuffledInTwoParts).isEqualTo(inOrder);
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
