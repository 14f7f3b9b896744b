package io.stowage.picking.batching;

import io.stowage.picking.routing.Route;

import java.util.List;

/**
 * One cart's trip: the orders picked together and the route that picks them.
 *
 * @param sequence 1 for the batch to pick first
 */
public record PickBatch(int sequence, List<String> orderIds, Route route) {

    public PickBatch {
        orderIds = List.copyOf(orderIds);
    }
}
