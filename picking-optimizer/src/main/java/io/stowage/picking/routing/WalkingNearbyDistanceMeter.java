package io.stowage.picking.routing;

import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

/** Nearby selection by walking distance: a stop is moved next to stops (or to the depot end) close to it. */
public class WalkingNearbyDistanceMeter implements NearbyDistanceMeter<RouteStop, Object> {

    @Override
    public double getNearbyDistance(RouteStop origin, Object destination) {
        int to = destination instanceof RouteStop stop ? stop.index() : StopDistances.DEPOT;
        return origin.distances().millimetres(origin.index(), to);
    }
}
