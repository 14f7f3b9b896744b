package io.stowage.picking.routing;

import java.util.List;

/**
 * A walk from the depot through every pick location and back.
 *
 * @param stops        location codes in the order the picker visits them (the depot is implied at both ends)
 * @param lengthMetres walking distance of the whole round trip
 * @param method       the algorithm that produced the route, as {@link RoutingMethod#label()}
 */
public record Route(List<String> stops, double lengthMetres, String method) {

    public Route {
        stops = List.copyOf(stops);
    }
}
