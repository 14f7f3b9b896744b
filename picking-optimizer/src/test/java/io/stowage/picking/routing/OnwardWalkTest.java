package io.stowage.picking.routing;

import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.LayoutLocation;
import io.stowage.picking.layout.WarehouseLayout;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Onward walks from where a picker stands: exact on short lists, never worse than the round trip's better direction on long ones. */
class OnwardWalkTest {

    @Test
    void shortWalksMatchBruteForceFromAnyStartingShelf() {
        Random random = new Random(11);
        WarehouseLayout layout = new GridWarehouse(6, 3, 6, 1.0, 3.0, 2.0, 5.0).build();
        for (int trial = 0; trial < 200; trial++) {
            List<String> codes = RandomPickLists.draw(layout, 1 + random.nextInt(6), random);
            int start = layout.nodeOf(RandomPickLists.draw(layout, 1, random).get(0));
            int[] nodes = RandomPickLists.distinctNodes(layout, codes);
            NodeTour walk = OnwardWalk.solve(layout, start, nodes);
            assertThat(walk.length()).as("from %s through %s", start, Arrays.toString(nodes))
                    .isCloseTo(RandomPickLists.bruteForceFrom(layout, start, nodes), within(1e-6));
            assertThat(OnwardWalk.length(layout, start, walk.order())).isCloseTo(walk.length(), within(1e-6));
            assertThat(walk.order()).containsExactlyInAnyOrder(nodes);
        }
    }

    @Test
    void fromTheDepotTheWalkIsTheShortestRoundTrip() {
        Random random = new Random(12);
        WarehouseLayout layout = new GridWarehouse(10, 2, 12, 1.0, 3.0, 2.0, 0.0).build();
        for (int trial = 0; trial < 30; trial++) {
            int[] nodes = RandomPickLists.distinctNodes(layout, RandomPickLists.draw(layout, 3 + random.nextInt(8), random));
            assertThat(OnwardWalk.solve(layout, WarehouseLayout.DEPOT, nodes).length())
                    .isCloseTo(HeldKarp.solve(layout, nodes).length(), within(1e-6));
        }
    }

    @Test
    void longWalksVisitEveryStopAndBeatTheRoundTripWalkedEitherWay() {
        Random random = new Random(13);
        WarehouseLayout layout = new GridWarehouse(12, 3, 15, 1.0, 3.0, 2.0, 6.0).build();
        for (int trial = 0; trial < 20; trial++) {
            int[] nodes = RandomPickLists.distinctNodes(layout, RandomPickLists.draw(layout, 25 + random.nextInt(20), random));
            int start = layout.nodeOf(RandomPickLists.draw(layout, 1, random).get(0));
            NodeTour walk = OnwardWalk.solve(layout, start, nodes);
            int[] roundTrip = PickRouter.solve(layout, nodes, RoutingMethod.BEST).order();
            int[] reversed = new int[roundTrip.length];
            for (int i = 0; i < roundTrip.length; i++) {
                reversed[i] = roundTrip[roundTrip.length - 1 - i];
            }
            double eitherWay = Math.min(OnwardWalk.length(layout, start, roundTrip), OnwardWalk.length(layout, start, reversed));
            assertThat(walk.length()).isLessThanOrEqualTo(eitherWay + 1e-9);
            assertThat(walk.order()).containsExactlyInAnyOrder(nodes);
        }
    }

    @Test
    void theRouterNamesTheStopsInWalkingOrderFromTheShelf() {
        WarehouseLayout layout = new GridWarehouse(4, 1, 10, 1.0, 3.0, 2.0, 0.0).build();
        List<String> all = layout.locations().stream().map(LayoutLocation::code).toList();
        String from = all.get(all.size() - 1);
        List<String> picks = List.of(all.get(0), all.get(all.size() / 2), all.get(all.size() - 2));
        OnwardRoute route = PickRouter.routeOnward(layout, from, picks);
        assertThat(route.from()).isEqualTo(from);
        assertThat(route.stops()).containsExactlyInAnyOrderElementsOf(picks);
        assertThat(route.method()).isEqualTo("held-karp");
        int[] nodes = RandomPickLists.distinctNodes(layout, picks);
        assertThat(route.lengthMetres()).isCloseTo(RandomPickLists.bruteForceFrom(layout, layout.nodeOf(from), nodes), within(1e-6));
    }
}
