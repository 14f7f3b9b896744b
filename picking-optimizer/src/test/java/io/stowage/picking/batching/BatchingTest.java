package io.stowage.picking.batching;

import io.stowage.picking.PickingException;
import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.LayoutLocation;
import io.stowage.picking.layout.WarehouseLayout;
import io.stowage.picking.support.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchingTest {

    private static final Instant START = Instant.parse("2026-11-23T06:00:00Z");

    private final WarehouseLayout layout = new GridWarehouse(10, 1, 20, 1.0, 3.0, 2.0, 0.0).build();
    private final CartCapacity twoTotes = new CartCapacity(2, 1_000_000, 1_000_000);

    @Test
    void firstComeFirstServedFillsCartsInArrivalOrderWithTodaysOrdersFirst() {
        List<OrderToBatch> orders = List.of(
                order("o1", 0, null, "A01-001-L"),
                order("o2", 1, null, "A09-001-L"),
                order("o3", 2, null, "A01-002-L"),
                order("due-today", 3, START.plus(Duration.ofHours(10)), "A09-002-L"),
                order("o5", 4, null, "A01-003-L"));
        BatchPlan plan = FirstComeFirstServedBatcher.plan(layout, orders, twoTotes);
        assertThat(plan.batches()).extracting(PickBatch::orderIds)
                .containsExactly(List.of("due-today"), List.of("o1", "o2"), List.of("o3", "o5"));
        assertThat(plan.totalLengthMetres()).isEqualTo(plan.batches().stream().mapToDouble(batch -> batch.route().lengthMetres()).sum());
        assertThat(plan.method()).isEqualTo("fcfs");
    }

    @Test
    void savingsPairsOrdersThatShareAisles() {
        // arrivals alternate between the first and the last aisle, so arrival order pairs far-apart orders
        List<OrderToBatch> orders = List.of(
                order("left-1", 0, null, "A01-005-L"),
                order("right-1", 1, null, "A10-005-L"),
                order("left-2", 2, null, "A01-015-L"),
                order("right-2", 3, null, "A10-015-L"));
        BatchPlan savings = SavingsBatcher.plan(layout, orders, twoTotes, Duration.ofMillis(200));
        BatchPlan fcfs = FirstComeFirstServedBatcher.plan(layout, orders, twoTotes);
        assertThat(savings.batches()).extracting(batch -> batch.orderIds().stream().sorted().toList())
                .containsExactlyInAnyOrder(List.of("left-1", "left-2"), List.of("right-1", "right-2"));
        assertThat(savings.totalLengthMetres()).isLessThan(fcfs.totalLengthMetres());
    }

    @Test
    void savingsWithLocalSearchWalksLessThanFirstComeFirstServedOnRandomOrders() {
        List<OrderToBatch> orders = randomOrders(120, new Random(11));
        CartCapacity cart = new CartCapacity(6, 200_000, 60_000);
        double fcfs = FirstComeFirstServedBatcher.plan(layout, orders, cart).totalLengthMetres();
        BatchPlan improved = SavingsBatcher.plan(layout, orders, cart, Duration.ofSeconds(1));
        assertThat(improved.totalLengthMetres()).isLessThan(fcfs);
        assertValid(improved, orders, cart);
    }

    @Test
    void theSolverBatchesEveryOrderOnceWithinCapacityAndCutoffs() throws Exception {
        List<OrderToBatch> orders = randomOrders(80, new Random(12));
        CartCapacity cart = new CartCapacity(5, 150_000, 50_000);
        try (BatchPlanner planner = new BatchPlanner()) {
            BatchPlan plan = planner.plan(layout, orders, cart, Duration.ofSeconds(2)).result().get(60, TimeUnit.SECONDS);
            assertThat(plan.method()).isEqualTo("optaplanner");
            assertValid(plan, orders, cart);
            double fcfs = FirstComeFirstServedBatcher.plan(layout, orders, cart).totalLengthMetres();
            assertThat(plan.totalLengthMetres()).isLessThan(fcfs);
        }
    }

    @Test
    void onSeveralBlocksTheSolverWalksLessThanSavingsJudgedByLargestGaps() throws Exception {
        WarehouseLayout blocks = new GridWarehouse(8, 3, 6, 1.0, 3.0, 2.0, 0.0).build();
        List<OrderToBatch> orders = randomOrders(blocks, 80, new Random(15));
        CartCapacity cart = new CartCapacity(5, 150_000, 50_000);
        try (BatchPlanner planner = new BatchPlanner()) {
            BatchPlan plan = planner.plan(blocks, orders, cart, Duration.ofSeconds(2)).result().get(60, TimeUnit.SECONDS);
            assertValid(plan, orders, cart);
            // largest-gap lengths ignore the middle cross aisles, so the savings baseline groups by a poor estimate
            assertThat(plan.totalLengthMetres()).isLessThan(SavingsBatcher.plan(blocks, orders, cart, Duration.ofSeconds(2)).totalLengthMetres());
        }
    }

    @Test
    void aSolveStoppedWhileBuildingItsStartDeliversTheStart() throws Exception {
        List<OrderToBatch> orders = randomOrders(80, new Random(13));
        CartCapacity cart = new CartCapacity(5, 150_000, 50_000);
        try (BatchPlanner planner = new BatchPlanner()) {
            // the start may take 8 of the 10 minutes: stopped as soon as it is being built
            BatchPlanningJob job = planner.plan(layout, orders, cart, Duration.ofMinutes(10));
            Eventually.await(() -> job.phase() == BatchPlanningJob.Phase.STARTING);
            job.stopEarly();
            assertValid(job.result().get(60, TimeUnit.SECONDS), orders, cart);
        }
    }

    @Test
    void aSolveStoppedWhileOptaPlannerSearchesDeliversItsBestPlan() throws Exception {
        List<OrderToBatch> orders = randomOrders(80, new Random(14));
        CartCapacity cart = new CartCapacity(5, 150_000, 50_000);
        try (BatchPlanner planner = new BatchPlanner()) {
            // the start takes 80 % of the limit, 8 s here; the search then has 2 s, and is stopped once under way
            BatchPlanningJob job = planner.plan(layout, orders, cart, Duration.ofSeconds(10));
            Eventually.await(() -> job.phase() == BatchPlanningJob.Phase.SEARCHING);
            job.stopEarly();
            assertValid(job.result().get(60, TimeUnit.SECONDS), orders, cart);
        }
    }

    @Test
    void thePlannerHandsOverItsStartWhenTheSearchRoutesLonger() {
        List<OrderToBatch> orders = List.of(
                order("left-1", 0, null, "A01-005-L"),
                order("right-1", 1, null, "A10-005-L"),
                order("left-2", 2, null, "A01-015-L"),
                order("right-2", 3, null, "A10-015-L"));
        List<BatchedOrder> prepared = BatchPlans.prepare(layout, orders, twoTotes);
        List<List<BatchedOrder>> byAisle = List.of(List.of(prepared.get(0), prepared.get(2)), List.of(prepared.get(1), prepared.get(3)));
        List<List<BatchedOrder>> mixed = List.of(List.of(prepared.get(0), prepared.get(1)), List.of(prepared.get(2), prepared.get(3)));

        BatchPlan searchWorse = BatchPlanner.shorterOf(layout, mixed, byAisle);
        BatchPlan searchBetter = BatchPlanner.shorterOf(layout, byAisle, mixed);
        BatchPlan same = BatchPlanner.shorterOf(layout, byAisle, byAisle);

        List<List<String>> pairedByAisle = List.of(List.of("left-1", "left-2"), List.of("right-1", "right-2"));
        assertThat(searchWorse.batches()).extracting(PickBatch::orderIds).isEqualTo(pairedByAisle);
        assertThat(searchBetter.batches()).extracting(PickBatch::orderIds).isEqualTo(pairedByAisle);
        assertThat(same.totalLengthMetres()).isEqualTo(searchBetter.totalLengthMetres());
        assertThat(searchWorse.totalLengthMetres()).isLessThan(BatchPlans.routed(layout, mixed, "mixed").totalLengthMetres());
        assertValid(searchWorse, orders, twoTotes);
    }

    @Test
    void plansAreComparedByRouteLengthAndWaiting() {
        List<OrderToBatch> orders = List.of(
                new OrderToBatch("old", List.of("A01-005-L"), 1, 1_000, 1_000, START.minus(Duration.ofHours(30)), null, false),
                new OrderToBatch("express", List.of("A02-005-L"), 1, 1_000, 1_000, START, null, true),
                order("new", 0, null, "A03-005-L"));
        List<BatchedOrder> prepared = BatchPlans.prepare(layout, orders, twoTotes);
        List<List<BatchedOrder>> batches = List.of(List.of(prepared.get(2)), List.of(prepared.get(0), prepared.get(1)));
        BatchPlan plan = BatchPlans.routed(layout, batches, "test");
        long walking = plan.batches().stream().mapToLong(batch -> Math.round(batch.route().lengthMetres() * 1000)).sum();
        // "old" waited 30 h (the newest order is the reference) and sits in batch 1, as does the express order
        assertThat(PlanCost.millimetres(plan, batches)).isEqualTo(walking + 30 * BatchingConstraints.MILLIMETRES_PER_HOUR_AND_BATCH
                + BatchingConstraints.MILLIMETRES_PER_EXPRESS_BATCH);
    }

    @Test
    void ordersThatCannotBeBatchedAreRefusedAtOnce() {
        try (BatchPlanner planner = new BatchPlanner()) {
            List<OrderToBatch> tooBig = List.of(new OrderToBatch("big", List.of("A01-001-L"), 3, 0, 0, START, null, false));
            assertThatThrownBy(() -> planner.plan(layout, tooBig, twoTotes, Duration.ofSeconds(1))).isInstanceOf(PickingException.class);
            List<OrderToBatch> unknown = List.of(order("lost", 0, null, "Z99"));
            assertThatThrownBy(() -> planner.plan(layout, unknown, twoTotes, Duration.ofSeconds(1))).isInstanceOf(PickingException.class);
        }
    }

    private void assertValid(BatchPlan plan, List<OrderToBatch> orders, CartCapacity cart) {
        Map<String, OrderToBatch> byId = new HashMap<>();
        orders.forEach(order -> byId.put(order.orderId(), order));
        List<String> batched = new ArrayList<>();
        long latestDaySoFar = Long.MIN_VALUE;
        for (PickBatch batch : plan.batches()) {
            batched.addAll(batch.orderIds());
            List<OrderToBatch> inBatch = batch.orderIds().stream().map(byId::get).toList();
            assertThat(inBatch.stream().mapToInt(OrderToBatch::totes).sum()).isLessThanOrEqualTo(cart.totes());
            assertThat(inBatch.stream().mapToLong(OrderToBatch::volumeCm3).sum()).isLessThanOrEqualTo(cart.volumeCm3());
            assertThat(inBatch.stream().mapToLong(OrderToBatch::weightGrams).sum()).isLessThanOrEqualTo(cart.weightGrams());
            long earliest = inBatch.stream().mapToLong(OrderToBatch::cutoffDay).min().orElseThrow();
            assertThat(earliest).isGreaterThanOrEqualTo(latestDaySoFar);
            latestDaySoFar = Math.max(latestDaySoFar, inBatch.stream().mapToLong(OrderToBatch::cutoffDay).max().orElseThrow());
            List<String> codes = inBatch.stream().flatMap(order -> order.locationCodes().stream()).distinct().toList();
            assertThat(batch.route().stops()).containsExactlyInAnyOrderElementsOf(codes);
        }
        assertThat(batched).containsExactlyInAnyOrderElementsOf(byId.keySet());
    }

    private List<OrderToBatch> randomOrders(int count, Random random) {
        return randomOrders(layout, count, random);
    }

    private static List<OrderToBatch> randomOrders(WarehouseLayout layout, int count, Random random) {
        List<LayoutLocation> locations = new ArrayList<>(layout.locations());
        List<OrderToBatch> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> codes = new ArrayList<>();
            for (int line = 0, lines = 1 + random.nextInt(4); line < lines; line++) {
                codes.add(locations.get(random.nextInt(locations.size())).code());
            }
            Instant cutoff = random.nextInt(3) == 0 ? START.plus(Duration.ofHours(10)) : START.plus(Duration.ofDays(1));
            orders.add(new OrderToBatch("o" + i, codes, 1 + random.nextInt(2), 5_000L + random.nextInt(40_000),
                    500L + random.nextInt(9_000), START.minus(Duration.ofMinutes(random.nextInt(2_000))), cutoff, random.nextInt(10) == 0));
        }
        return orders;
    }

    private static OrderToBatch order(String id, int minutesAfterStart, Instant cutoff, String code) {
        return new OrderToBatch(id, List.of(code), 1, 1_000, 1_000, START.plus(Duration.ofMinutes(minutesAfterStart)), cutoff, false);
    }
}
