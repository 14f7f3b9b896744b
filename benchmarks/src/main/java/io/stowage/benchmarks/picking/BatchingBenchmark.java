package io.stowage.benchmarks.picking;

import io.stowage.picking.batching.BatchPlan;
import io.stowage.picking.batching.BatchPlanner;
import io.stowage.picking.batching.CartCapacity;
import io.stowage.picking.batching.FirstComeFirstServedBatcher;
import io.stowage.picking.batching.OrderToBatch;
import io.stowage.picking.batching.SavingsBatcher;
import io.stowage.picking.layout.WarehouseLayout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Batching quality per instance class: total walking of all batches, each routed the same way
 * ({@code PickRouter} best), for first-come-first-served, savings + iterated local search and the
 * OptaPlanner planner given the same time limit; wall time includes routing the final batches.
 */
final class BatchingBenchmark {

    static final CartCapacity CART = new CartCapacity(8, 400_000, 120_000);

    private BatchingBenchmark() {
    }

    static void printHeader() {
        System.out.println("Batching: total walking in metres (ratio to FCFS), number of batches, wall time in seconds");
        System.out.printf("%-13s %6s %6s  %-24s  %-24s  %-24s%n", "layout", "orders", "limit", "fcfs", "savings+ils", "optaplanner (ours)");
    }

    static void run(String layoutName, WarehouseLayout layout, int orderCount, Duration limit) throws Exception {
        List<OrderToBatch> orders = new GeneratedInstances(layout, orderCount).orders(orderCount);
        Timed fcfs = Timed.of(() -> FirstComeFirstServedBatcher.plan(layout, orders, CART));
        Timed savings = Timed.of(() -> SavingsBatcher.plan(layout, orders, CART, limit));
        Timed ours;
        try (BatchPlanner planner = new BatchPlanner()) {
            ours = Timed.of(() -> {
                try {
                    return planner.plan(layout, orders, CART, limit).result().get(10, TimeUnit.MINUTES);
                } catch (Exception failure) {
                    throw new IllegalStateException(failure);
                }
            });
        }
        double base = fcfs.plan.totalLengthMetres();
        System.out.printf("%-13s %6d %5ds  %-24s  %-24s  %-24s%n", layoutName, orderCount, limit.toSeconds(),
                fcfs.describe(base), savings.describe(base), ours.describe(base));
    }

    private record Timed(BatchPlan plan, double seconds) {
        static Timed of(Supplier<BatchPlan> planning) {
            long start = System.nanoTime();
            BatchPlan plan = planning.get();
            return new Timed(plan, (System.nanoTime() - start) / 1e9);
        }

        String describe(double base) {
            return String.format("%8.0f (%.3f) %4d %5.1fs", plan.totalLengthMetres(), plan.totalLengthMetres() / base,
                    plan.batches().size(), seconds);
        }
    }
}
