package io.stowage.picking.batching;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The baseline: orders by cut-off day, then arrival, each cart filled until the next order no longer fits.
 */
public final class FirstComeFirstServedBatcher {

    public static final String METHOD = "fcfs";

    private FirstComeFirstServedBatcher() {
    }

    /** First-come-first-served batches, each routed with {@link io.stowage.picking.routing.PickRouter}. */
    public static BatchPlan plan(WarehouseLayout layout, List<OrderToBatch> orders, CartCapacity capacity) {
        return BatchPlans.routed(layout, batches(BatchPlans.prepare(layout, orders, capacity), capacity), METHOD);
    }

    static List<List<BatchedOrder>> batches(List<BatchedOrder> orders, CartCapacity capacity) {
        List<BatchedOrder> queue = new ArrayList<>(orders);
        queue.sort(Comparator.comparingLong(BatchedOrder::cutoffDay)
                .thenComparing(order -> order.order().createdAt())
                .thenComparing(BatchedOrder::getOrderId));
        List<List<BatchedOrder>> batches = new ArrayList<>();
        List<BatchedOrder> current = new ArrayList<>();
        int totes = 0;
        long volume = 0;
        long weight = 0;
        for (BatchedOrder order : queue) {
            boolean sameDay = current.isEmpty() || current.get(0).cutoffDay() == order.cutoffDay();
            if (!sameDay || !capacity.fits(totes + order.totes(), volume + order.volumeCm3(), weight + order.weightGrams())) {
                batches.add(current);
                current = new ArrayList<>();
                totes = 0;
                volume = 0;
                weight = 0;
            }
            current.add(order);
            totes += order.totes();
            volume += order.volumeCm3();
            weight += order.weightGrams();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
