package io.stowage.api.picking;

import io.stowage.api.network.LocationRef;
import io.stowage.api.network.LocationType;
import io.stowage.picking.layout.LayoutDescription;
import io.stowage.picking.layout.LayoutLocation;
import io.stowage.picking.layout.Point;
import io.stowage.picking.layout.WarehouseLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A node's floor as the picking optimizer walks it, derived from the node's locations alone.
 * <ul>
 *   <li>Pick locations are the active pick faces and reserve locations that have an aisle; the
 *       optimizer works in metres, the network in millimetres.</li>
 *   <li>Aisle centre lines are the middle of each aisle's locations (both faces racked, as
 *       {@code RackLayout} lays them out).</li>
 *   <li>One block: a front cross aisle half a bay before the first bay and a back one half a bay
 *       after the last, a bay being the smallest step between two positions along an aisle.
 *       Locations do not say where middle cross aisles are, so none are assumed.</li>
 *   <li>The depot, where carts start and totes are dropped, is the node's drop-off location: its
 *       first pack station by code, else its first staging location; without either, its first
 *       dock, and without a dock the front end of the leftmost aisle.</li>
 * </ul>
 *
 * @param dropOff where picked units are booked to, if the node has a pack station or staging location
 */
record FloorPlan(WarehouseLayout layout, Optional<LocationRef> dropOff) {

    /** Half a bay in front of the first and behind the last position when an aisle has a single position. */
    private static final double DEFAULT_HALF_BAY_METRES = 0.6;

    static boolean isPickLocation(LocationRef location) {
        return location.active() && location.aisle() != null
                && (LocationType.PICK_FACE.json().equals(location.type()) || LocationType.RESERVE.json().equals(location.type()));
    }

    /** The floor plan of these locations (all of one node), or empty when none of them is a pick location. */
    static Optional<FloorPlan> of(List<LocationRef> locations) {
        List<LocationRef> pickLocations = locations.stream().filter(FloorPlan::isPickLocation).toList();
        if (pickLocations.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocationRef> dropOff = first(locations, LocationType.PACK_STATION).or(() -> first(locations, LocationType.STAGING));
        Optional<LocationRef> depotLocation = dropOff.or(() -> first(locations, LocationType.DOCK));

        List<LayoutLocation> layoutLocations = new ArrayList<>(pickLocations.size());
        Map<Integer, TreeSet<Double>> positionsByAisle = new TreeMap<>();
        for (LocationRef location : pickLocations) {
            double x = metres(location.xMm());
            double y = metres(location.yMm());
            layoutLocations.add(new LayoutLocation(location.code(), location.aisle(),
                    location.bay() == null ? 0 : location.bay(), location.level() == null ? 0 : location.level(), x, y));
            positionsByAisle.computeIfAbsent(location.aisle(), aisle -> new TreeSet<>()).add(y);
        }
        double halfBay = halfBay(positionsByAisle);
        double front = layoutLocations.stream().mapToDouble(LayoutLocation::y).min().orElseThrow() - halfBay;
        double back = layoutLocations.stream().mapToDouble(LayoutLocation::y).max().orElseThrow() + halfBay;
        Point depot = depotLocation
                .map(location -> new Point(metres(location.xMm()), metres(location.yMm())))
                .orElseGet(() -> new Point(layoutLocations.stream().mapToDouble(LayoutLocation::x).min().orElseThrow(), front));
        LayoutDescription description = LayoutDescription.of(List.of(front, back), depot);
        return Optional.of(new FloorPlan(WarehouseLayout.of(layoutLocations, description), dropOff));
    }

    private static double halfBay(Map<Integer, TreeSet<Double>> positionsByAisle) {
        double smallestStep = Double.MAX_VALUE;
        for (TreeSet<Double> positions : positionsByAisle.values()) {
            Double previous = null;
            for (double y : positions) {
                if (previous != null) {
                    smallestStep = Math.min(smallestStep, y - previous);
                }
                previous = y;
            }
        }
        return smallestStep == Double.MAX_VALUE ? DEFAULT_HALF_BAY_METRES : smallestStep / 2;
    }

    private static Optional<LocationRef> first(List<LocationRef> locations, LocationType type) {
        return locations.stream()
                .filter(location -> location.active() && type.json().equals(location.type()))
                .min(Comparator.comparing(LocationRef::code));
    }

    private static double metres(int millimetres) {
        return millimetres / 1000.0;
    }
}
