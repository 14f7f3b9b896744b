package io.stowage.api.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.orders.RoutingPolicy.Assignment;
import io.stowage.api.orders.RoutingPolicy.Candidate;
import io.stowage.api.orders.RoutingPolicy.Demand;
import io.stowage.api.orders.RoutingPolicy.Plan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The routing policy on its own: no Spring, no database. */
class RoutingPolicyTest {

    private final UUID tee = UUID.randomUUID();
    private final UUID mug = UUID.randomUUID();
    private final UUID cap = UUID.randomUUID();
    private final Candidate vilnius = new Candidate(UUID.randomUUID(), "VNO", 5);
    private final Candidate kaunas = new Candidate(UUID.randomUUID(), "KUN", 100);
    private final Candidate riga = new Candidate(UUID.randomUUID(), "RIX", 290);
    private final Map<UUID, Map<UUID, Integer>> stock = new HashMap<>();

    private void has(Candidate node, UUID variant, int units) {
        stock.computeIfAbsent(node.nodeId(), id -> new HashMap<>()).put(variant, units);
    }

    private Plan route(Demand... lines) {
        return RoutingPolicy.route(List.of(lines), List.of(riga, kaunas, vilnius),
                (node, variant) -> stock.getOrDefault(node, Map.of()).getOrDefault(variant, 0));
    }

    @Test
    void theNearestNodeThatShipsEverythingWins() {
        has(vilnius, tee, 1);
        has(kaunas, tee, 5);
        has(kaunas, mug, 5);
        has(riga, tee, 5);
        has(riga, mug, 5);

        Plan plan = route(new Demand(1, tee, 2), new Demand(2, mug, 1));

        assertThat(plan.assignments()).containsExactly(new Assignment(1, kaunas.nodeId(), 2), new Assignment(2, kaunas.nodeId(), 1));
        assertThat(plan.shipments()).isEqualTo(1);
        assertThat(plan.waiting()).isEmpty();
    }

    @Test
    void whenNoNodeShipsEverythingTheFewestNodesShipAndLinesStayWhole() {
        has(vilnius, tee, 3);
        has(vilnius, mug, 1);
        has(kaunas, mug, 4);
        has(riga, cap, 2);
        has(riga, mug, 4);

        Plan plan = route(new Demand(1, tee, 3), new Demand(2, mug, 4), new Demand(3, cap, 1));

        // {VNO, RIX} covers everything with two shipments; the mugs ship whole from Riga rather than split.
        assertThat(plan.shipments()).isEqualTo(2);
        assertThat(plan.assignments()).containsExactlyInAnyOrder(
                new Assignment(1, vilnius.nodeId(), 3), new Assignment(2, riga.nodeId(), 4), new Assignment(3, riga.nodeId(), 1));
    }

    @Test
    void aLineIsSplitOnlyWhenNoNodeHoldsAllOfIt() {
        has(vilnius, tee, 2);
        has(kaunas, tee, 3);

        Plan plan = route(new Demand(1, tee, 4));

        assertThat(plan.assignments()).containsExactly(new Assignment(1, vilnius.nodeId(), 2), new Assignment(1, kaunas.nodeId(), 2));
        assertThat(plan.waiting()).isEmpty();
    }

    @Test
    void whatNoNodeHoldsWaitsAndTheRestIsShippedFromTheFewestNodes() {
        has(vilnius, tee, 1);
        has(kaunas, tee, 2);
        has(kaunas, mug, 1);

        Plan plan = route(new Demand(1, tee, 5), new Demand(2, mug, 1), new Demand(3, cap, 2));

        assertThat(plan.waiting()).containsEntry(1, 2).containsEntry(3, 2).doesNotContainKey(2);
        assertThat(plan.assignments()).containsExactly(
                new Assignment(2, kaunas.nodeId(), 1), new Assignment(1, kaunas.nodeId(), 2), new Assignment(1, vilnius.nodeId(), 1));
    }

    @Test
    void nothingInStockMeansEverythingWaits() {
        Plan plan = route(new Demand(1, tee, 2));

        assertThat(plan.assignments()).isEmpty();
        assertThat(plan.waiting(1)).isEqualTo(2);
    }
}
