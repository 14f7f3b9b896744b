package io.stowage.picking.batching;

import io.stowage.picking.PickingException;
import io.stowage.picking.layout.Point;
import io.stowage.picking.layout.WarehouseLayout;
import io.stowage.picking.routing.Route;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/** What every batching method shares: checking the orders, putting batches in picking order, routing them. */
final class BatchPlans {

    private BatchPlans() {
    }

    /**
     * The orders as batching works on them, unassigned.
     *
     * @throws PickingException for duplicate ids, unknown locations or an order too big for an empty cart
     */
    static List<BatchedOrder> prepare(WarehouseLayout layout, List<OrderToBatch> orders, CartCapacity capacity) {
        Instant newest = orders.stream().map(OrderToBatch::createdAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        HashSet<String> ids = new HashSet<>();
        List<BatchedOrder> prepared = new ArrayList<>(orders.size());
        for (OrderToBatch order : orders) {
            if (!ids.add(order.orderId())) {
                throw new PickingException("duplicate order id " + order.orderId());
            }
            if (!capacity.fits(order)) {
                throw new PickingException("order " + order.orderId() + " does not fit on an empty cart");
            }
            int[] nodes = order.locationCodes().stream().mapToInt(layout::nodeOf).distinct().toArray();
            long waitingHours = Duration.between(order.createdAt(), newest).toHours();
            prepared.add(new BatchedOrder(order, nodes, centreOf(layout, nodes), waitingHours, null));
        }
        return prepared;
    }

    private static Point centreOf(WarehouseLayout layout, int[] nodes) {
        double x = 0;
        double y = 0;
        for (int node : nodes) {
            x += layout.aisleX(layout.aisleIndexOf(node));
            y += layout.yOf(node);
        }
        return new Point(x / nodes.length, y / nodes.length);
    }

    /** Batches sorted so that earlier cut-off days come first, then batches with express orders, then older ones. */
    static List<List<BatchedOrder>> inPickingOrder(List<List<BatchedOrder>> batches) {
        List<List<BatchedOrder>> sorted = new ArrayList<>(batches);
        sorted.removeIf(List::isEmpty);
        sorted.sort(Comparator.<List<BatchedOrder>>comparingLong(batch -> batch.stream().mapToLong(BatchedOrder::cutoffDay).min().orElseThrow())
                .thenComparingLong(batch -> -batch.stream().filter(BatchedOrder::express).count())
                .thenComparingDouble(batch -> -batch.stream().mapToLong(BatchedOrder::waitingHours).average().orElseThrow()));
        return sorted;
    }

    /** Routes every batch properly and numbers the batches from 1 in the given order. */
    static BatchPlan routed(WarehouseLayout layout, List<List<BatchedOrder>> batchesInOrder, String method) {
        return routed(new BatchRouter(layout), batchesInOrder, method);
    }

    /** As {@link #routed(WarehouseLayout, List, String)}, reusing the router's routes of batches it has seen. */
    static BatchPlan routed(BatchRouter router, List<List<BatchedOrder>> batchesInOrder, String method) {
        List<PickBatch> batches = new ArrayList<>(batchesInOrder.size());
        double total = 0;
        for (List<BatchedOrder> batch : batchesInOrder) {
            Route route = router.route(batch);
            total += route.lengthMetres();
            batches.add(new PickBatch(batches.size() + 1, batch.stream().map(order -> order.order().orderId()).toList(), route));
        }
        return new BatchPlan(batches, total, method);
    }
}
