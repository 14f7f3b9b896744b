package io.stowage.picking.batching;

import io.stowage.picking.PickingException;
import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.LayoutLocation;
import io.stowage.picking.layout.WarehouseLayout;
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
    void aSolveStoppedWhileBuildingItsStartDeliversTheStart() throws Exception {
        List<OrderToBatch> orders = randomOrders(80, new Random(13));
        CartCapacity cart = new CartCapacity(5, 150_000, 50_000);
        try (BatchPlanner planner = new BatchPlanner()) {
            BatchPlanningJob job = planner.plan(layout, orders, cart, Duration.ofMinutes(10));
            Thread.sleep(1_500);
            job.stopEarly();
            assertValid(job.result().get(60, TimeUnit.SECONDS), orders, cart);
        }
    }

    @Test
    void aSolveStoppedWhileOptaPlannerSearchesDeliversItsBestPlan() throws Exception {
        List<OrderToBatch> orders = randomOrders(80, new Random(14));
        CartCapacity cart = new CartCapacity(5, 150_000, 50_000);
        try (BatchPlanner planner = new BatchPlanner()) {
            // the start takes 30 % of the limit, 3 s here; the search is under way at 4 s
            BatchPlanningJob job = planner.plan(layout, orders, cart, Duration.ofSeconds(10));
            Thread.sleep(4_000);
            job.stopEarly();
            assertValid(job.result().get(60, TimeUnit.SECONDS), orders, cart);
        }
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
