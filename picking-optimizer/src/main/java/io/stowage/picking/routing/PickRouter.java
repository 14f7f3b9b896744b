package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shortest walking routes from the depot through a list of pick locations and back.
 *
 * <p>{@link RoutingMethod#BEST} is exact where that is cheap (Held-Karp up to {@value #EXACT_STOPS} distinct
 * stops, Ratliff-Rosenthal on any single block without blockages) and local search on the true walking
 * distances otherwise. Locations at the same walking position (both sides of an aisle, every level) are
 * one stop. Thread-safe: routers keep no state.
 */
public final class PickRouter {

    /** Largest number of distinct stops {@link RoutingMethod#BEST} solves with Held-Karp. */
    public static final int EXACT_STOPS = 12;

    private PickRouter() {
    }

    /** The best practical route through these locations. */
    public static Route route(WarehouseLayout layout, List<String> locationCodes) {
        return route(layout, locationCodes, RoutingMethod.BEST);
    }

    /**
     * The route through these locations by the given method.
     *
     * @throws io.stowage.picking.PickingException for unknown codes or a method that does not apply
     */
    public static Route route(WarehouseLayout layout, List<String> locationCodes, RoutingMethod method) {
        Map<Integer, List<String>> codesByNode = codesByNode(layout, locationCodes);
        int[] nodes = codesByNode.keySet().stream().mapToInt(Integer::intValue).toArray();
        RoutingMethod used = method == RoutingMethod.BEST ? bestFor(layout, nodes.length) : method;
        NodeTour tour = solve(layout, nodes, used);
        List<String> stops = new ArrayList<>(locationCodes.size());
        for (int node : tour.order()) {
            stops.addAll(codesByNode.get(node));
        }
        return new Route(stops, tour.length(), used.label());
    }

    /**
     * The shortest onward walk from {@code fromCode}, where the picker stands, through these locations to
     * the depot: what is left of a trip after its tasks changed on the way (a short pick adding a stop).
     * Exact up to {@value HeldKarp#MAX_STOPS} distinct stops, local search beyond.
     */
    public static OnwardRoute routeOnward(WarehouseLayout layout, String fromCode, List<String> locationCodes) {
        Map<Integer, List<String>> codesByNode = codesByNode(layout, locationCodes);
        int[] nodes = codesByNode.keySet().stream().mapToInt(Integer::intValue).toArray();
        NodeTour walk = OnwardWalk.solve(layout, layout.nodeOf(fromCode), nodes);
        List<String> stops = new ArrayList<>(locationCodes.size());
        for (int node : walk.order()) {
            stops.addAll(codesByNode.get(node));
        }
        String method = nodes.length <= HeldKarp.MAX_STOPS ? RoutingMethod.HELD_KARP.label() : RoutingMethod.LOCAL_SEARCH.label();
        return new OnwardRoute(fromCode, stops, walk.length(), method);
    }

    /** Locations at the same walking position are one stop. */
    private static Map<Integer, List<String>> codesByNode(WarehouseLayout layout, List<String> locationCodes) {
        Map<Integer, List<String>> codesByNode = new LinkedHashMap<>();
        for (String code : locationCodes) {
            List<String> atNode = codesByNode.computeIfAbsent(layout.nodeOf(code), node -> new ArrayList<>());
            if (!atNode.contains(code)) {
                atNode.add(code);
            }
        }
        return codesByNode;
    }

    static RoutingMethod bestFor(WarehouseLayout layout, int distinctStops) {
        if (distinctStops <= EXACT_STOPS) {
            return RoutingMethod.HELD_KARP;
        }
        return RatliffRosenthal.applies(layout) ? RoutingMethod.RATLIFF_ROSENTHAL : RoutingMethod.LOCAL_SEARCH;
    }

    static NodeTour solve(WarehouseLayout layout, int[] nodes, RoutingMethod method) {
        return switch (method) {
            case S_SHAPE -> AisleHeuristics.sShape(layout, nodes);
            case RETURN -> AisleHeuristics.returnRoute(layout, nodes);
            case LARGEST_GAP -> AisleHeuristics.largestGap(layout, nodes);
            case RATLIFF_ROSENTHAL -> RatliffRosenthal.solve(layout, nodes);
            case HELD_KARP -> HeldKarp.solve(layout, nodes);
            case LOCAL_SEARCH -> TourImprover.solve(layout, nodes);
            case OPTAPLANNER -> OptaPlannerRouteSolver.solve(layout, nodes);
            case BEST -> solve(layout, nodes, bestFor(layout, nodes.length));
        };
    }
}
