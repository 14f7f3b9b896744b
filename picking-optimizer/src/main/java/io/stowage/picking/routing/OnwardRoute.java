package io.stowage.picking.routing;

import java.util.List;

/**
 * The rest of a picker's trip: from the location where the picker stands through every remaining pick
 * location, then to the depot.
 *
 * @param from         the location the walk starts at
 * @param stops        location codes in the order the picker visits them (the depot is implied at the end)
 * @param lengthMetres walking distance from {@code from} to the depot
 * @param method       {@code held-karp} when exact, {@code local-search} otherwise
 */
public record OnwardRoute(String from, List<String> stops, double lengthMetres, String method) {

    public OnwardRoute {
        stops = List.copyOf(stops);
    }
}
