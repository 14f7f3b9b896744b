package io.stowage.picking.batching;

import io.stowage.picking.layout.WarehouseLayout;
import io.stowage.picking.routing.PickRouter;
import io.stowage.picking.routing.Route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routes batches with {@link PickRouter} best, remembering each batch's route by its orders, so that plans
 * that share batches (a search's start and its result) are compared without routing a batch twice.
 */
final class BatchRouter {

    private final WarehouseLayout layout;
    private final Map<Set<String>, Route> routes = new HashMap<>();

    BatchRouter(WarehouseLayout layout) {
        this.layout = layout;
    }

    Route route(List<BatchedOrder> batch) {
        Set<String> orderIds = batch.stream().map(BatchedOrder::getOrderId).collect(Collectors.toUnmodifiableSet());
        return routes.computeIfAbsent(orderIds, ids -> {
            List<String> codes = new ArrayList<>();
            batch.forEach(order -> codes.addAll(order.order().locationCodes()));
            return PickRouter.route(layout, codes);
        });
    }
}
