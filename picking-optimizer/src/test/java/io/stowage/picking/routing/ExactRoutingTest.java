package io.stowage.picking.routing;

import io.stowage.picking.layout.AisleBlockage;
import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.LayoutDescription;
import io.stowage.picking.layout.Point;
import io.stowage.picking.layout.WarehouseLayout;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExactRoutingTest {

    private static final double DEPOT_BETWEEN_AISLES = 7.0;

    @Test
    void ratliffRosenthalMatchesBruteForceOnRandomSingleBlockLists() {
        Random random = new Random(1);
        for (double depotX : new double[] {0.0, DEPOT_BETWEEN_AISLES, 4.5, 40.0}) {
            WarehouseLayout layout = new GridWarehouse(8, 1, 12, 1.0, 3.0, 2.0, depotX).build();
            for (int trial = 0; trial < 150; trial++) {
                int[] nodes = RandomPickLists.distinctNodes(layout, RandomPickLists.draw(layout, 1 + random.nextInt(7), random));
                NodeTour tour = RatliffRosenthal.solve(layout, nodes);
                assertThat(tour.length()).as("depot x %s, picks %s", depotX, Arrays.toString(nodes))
                        .isCloseTo(RandomPickLists.bruteForce(layout, nodes), within(1e-6));
                assertVisitsEachOnce(tour, nodes);
            }
        }
    }

    @Test
    void ratliffRosenthalMatchesHeldKarpOnLongerLists() {
        Random random = new Random(2);
        WarehouseLayout layout = new GridWarehouse(12, 1, 25, 1.2, 3.0, 2.5, 10.0).build();
        for (int trial = 0; trial < 60; trial++) {
            int[] nodes = RandomPickLists.distinctNodes(layout, RandomPickLists.draw(layout, 8 + random.nextInt(5), random));
            NodeTour tour = RatliffRosenthal.solve(layout, nodes);
            assertThat(tour.length()).isCloseTo(HeldKarp.solve(layout, nodes).length(), within(1e-6));
            assertVisitsEachOnce(tour, nodes);
        }
    }

    @Test
    void heldKarpMatchesBruteForceOnMultiBlockLayoutsWithBlockages() {
        Random random = new Random(3);
        GridWarehouse grid = new GridWarehouse(6, 3, 6, 1.0, 3.0, 2.0, 5.0);
        LayoutDescription blocked = new LayoutDescription(grid.crossAisles(), new Point(5.0, -1.5), Map.of(),
                List.of(new AisleBlockage(2, 4.0), new AisleBlockage(5, 12.0)));
        for (WarehouseLayout layout : List.of(grid.build(), WarehouseLayout.of(grid.locations(), blocked))) {
            for (int trial = 0; trial < 150; trial++) {
                int[] nodes = RandomPickLists.distinctNodes(layout, RandomPickLists.draw(layout, 1 + random.nextInt(7), random));
                NodeTour tour = HeldKarp.solve(layout, nodes);
                assertThat(tour.length()).isCloseTo(RandomPickLists.bruteForce(layout, nodes), within(1e-6));
                assertThat(NodeTour.lengthOf(layout, tour.order())).isCloseTo(tour.length(), within(1e-6));
                assertVisitsEachOnce(tour, nodes);
            }
        }
    }

    @Test
    void localSearchStaysCloseToTheOptimum() {
        Random random = new Random(4);
        WarehouseLayout layout = new GridWarehouse(10, 3, 10, 1.0, 3.0, 2.0, 0.0).build();
        double ratioSum = 0;
        int trials = 60;
        for (int trial = 0; trial < trials; trial++) {
            int[] nodes = RandomPickLists.distinctNodes(layout, RandomPickLists.draw(layout, 10 + random.nextInt(3), random));
            double optimum = HeldKarp.solve(layout, nodes).length();
            NodeTour tour = TourImprover.solve(layout, nodes);
            assertVisitsEachOnce(tour, nodes);
            assertThat(tour.length()).isGreaterThanOrEqualTo(optimum - 1e-6);
            ratioSum += tour.length() / optimum;
        }
        assertThat(ratioSum / trials).isLessThan(1.005);
    }

    private static void assertVisitsEachOnce(NodeTour tour, int[] nodes) {
        assertThat(tour.order()).containsExactlyInAnyOrder(nodes);
    }
}
