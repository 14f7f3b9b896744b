package io.stowage.picking.batching;

import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.Point;
import io.stowage.picking.routing.RouteLengthEstimator;
import io.stowage.picking.layout.WarehouseLayout;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

import java.time.Instant;
import java.util.List;

class BatchingConstraintsTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");
    private static final Point CENTRE = new Point(1.5, 2.5);
    private static final Instant TUESDAY = Instant.parse("2026-11-24T16:00:00Z");

    private final ConstraintVerifier<BatchingConstraints, BatchingSolution> verifier =
            ConstraintVerifier.build(new BatchingConstraints(), BatchingSolution.class, BatchedOrder.class);
    /** The layout of the routing heuristics test: aisles at x 1.5, 4.5, 7.5, 10.5; cross aisles at y 0 and 12. */
    private final WarehouseLayout layout = new GridWarehouse(4, 1, 10, 1.0, 3.0, 2.0, 0.0).build();
    private final CartCapacity cart = new CartCapacity(4, 10_000, 5_000);
    private final BatchSlot first = new BatchSlot(0, cart);
    private final BatchSlot second = new BatchSlot(1, cart);
    private final BatchSlot fourth = new BatchSlot(3, cart);

    @Test
    void aCartCarriesNoMoreTotesThanItHolds() {
        verifier.verifyThat(BatchingConstraints::cartTotes)
                .given(order("a", 3, 0, 0, first), order("b", 2, 0, 0, first), order("c", 4, 0, 0, second))
                .penalizesBy(1);
    }

    @Test
    void aCartCarriesNoMoreVolumeThanItHolds() {
        verifier.verifyThat(BatchingConstraints::cartVolume)
                .given(order("a", 1, 6_000, 0, first), order("b", 1, 5_500, 0, first), order("c", 1, 10_000, 0, second))
                .penalizesBy(2);
    }

    @Test
    void aCartCarriesNoMoreWeightThanItHolds() {
        verifier.verifyThat(BatchingConstraints::cartWeight)
                .given(order("a", 1, 0, 4_000, first), order("b", 1, 0, 1_001, first), order("c", 1, 0, 5_000, second))
                .penalizesBy(1);
    }

    @Test
    void whatMustLeaveEarlierIsNeverPickedAfterWhatMayLeaveLater() {
        BatchedOrder dueMondayLate = due("monday-late", MONDAY, second);
        BatchedOrder dueMondayEarly = due("monday-early", MONDAY, first);
        BatchedOrder dueTuesdayEarly = due("tuesday-early", TUESDAY, first);
        BatchedOrder undated = due("undated", null, first);
        verifier.verifyThat(BatchingConstraints::earlierCutoffPickedFirst)
                .given(dueMondayLate, dueMondayEarly, dueTuesdayEarly, undated)
                .penalizesBy(2);
        verifier.verifyThat(BatchingConstraints::earlierCutoffPickedFirst)
                .given(dueMondayEarly, due("tuesday-late", TUESDAY, second), due("undated-last", null, fourth))
                .penalizesBy(0);
    }

    @Test
    void batchesAreChargedTheirEstimatedRouteInMillimetres() {
        BatchedOrder a = located("a", first, "A01-002-L", "A01-009-R");
        BatchedOrder b = located("b", first, "A02-005-L", "A04-003-L");
        BatchedOrder c = located("c", second, "A03-005-L");
        // in millimetres; first cart: the hand-computed largest-gap route of 56 m; second: into aisle 3 and back, 2 * 7.5 + 2 * 5.5 = 26 m
        verifier.verifyThat(BatchingConstraints::shortRoutes)
                .given(a, b, c, RouteLengthEstimator.largestGap(layout))
                .penalizesBy(56_000 + 26_000);
    }

    @Test
    void olderOrdersGoInEarlierBatches() {
        verifier.verifyThat(BatchingConstraints::olderOrdersEarlier)
                .given(waiting("old-late", 5, fourth), waiting("old-first", 9, first), waiting("new-late", 0, fourth))
                .penalizesBy(5 * 3 * BatchingConstraints.MILLIMETRES_PER_HOUR_AND_BATCH);
    }

    @Test
    void expressOrdersGoInEarlierBatches() {
        BatchedOrder expressLate = new BatchedOrder(new OrderToBatch("x", List.of("A01-001-L"), 1, 0, 0, MONDAY, null, true),
                new int[] {layout.nodeOf("A01-001-L")}, CENTRE, 0, fourth);
        BatchedOrder expressFirst = new BatchedOrder(new OrderToBatch("y", List.of("A01-001-L"), 1, 0, 0, MONDAY, null, true),
                new int[] {layout.nodeOf("A01-001-L")}, CENTRE, 0, first);
        verifier.verifyThat(BatchingConstraints::expressOrdersEarlier)
                .given(expressLate, expressFirst, order("standard", 1, 0, 0, fourth))
                .penalizesBy(3 * BatchingConstraints.MILLIMETRES_PER_EXPRESS_BATCH);
    }

    private BatchedOrder order(String id, int totes, long volume, long weight, BatchSlot slot) {
        return new BatchedOrder(new OrderToBatch(id, List.of("A01-001-L"), totes, volume, weight, MONDAY, null, false),
                new int[] {layout.nodeOf("A01-001-L")}, CENTRE, 0, slot);
    }

    private BatchedOrder due(String id, Instant cutoff, BatchSlot slot) {
        return new BatchedOrder(new OrderToBatch(id, List.of("A01-001-L"), 1, 0, 0, MONDAY, cutoff, false),
                new int[] {layout.nodeOf("A01-001-L")}, CENTRE, 0, slot);
    }

    private BatchedOrder waiting(String id, long hours, BatchSlot slot) {
        return new BatchedOrder(new OrderToBatch(id, List.of("A01-001-L"), 1, 0, 0, MONDAY, null, false),
                new int[] {layout.nodeOf("A01-001-L")}, CENTRE, hours, slot);
    }

    private BatchedOrder located(String id, BatchSlot slot, String... codes) {
        int[] nodes = List.of(codes).stream().mapToInt(layout::nodeOf).toArray();
        return new BatchedOrder(new OrderToBatch(id, List.of(codes), 1, 0, 0, MONDAY, null, false), nodes, CENTRE, 0, slot);
    }
}
