package io.stowage.picking.batching;

import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

/**
 * Nearby selection for batching: orders whose picks lie close together in the aisles are the promising swap
 * partners. Across aisles costs a detour along a cross aisle, hence the plain sum of both offsets.
 */
public class OrderNearbyDistanceMeter implements NearbyDistanceMeter<BatchedOrder, BatchedOrder> {

    @Override
    public double getNearbyDistance(BatchedOrder origin, BatchedOrder destination) {
        return Math.abs(origin.centre().x() - destination.centre().x()) + Math.abs(origin.centre().y() - destination.centre().y());
    }
}
