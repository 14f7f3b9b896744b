package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A heuristic's walk as waypoints: aisle/cross-aisle intersections and picks. Every leg between two waypoints
 * is a shortest walking path, so the walk stays feasible when an aisle is blocked. Its tour lists the picks in
 * first-visit order with the length of the whole walk from the depot through every waypoint and back.
 */
final class WaypointWalk {

    private final WarehouseLayout layout;
    /** Intersection nodes as they are, picks as {@code -node - 1}: a pick counts as visited, a waypoint does not. */
    private final List<Integer> waypoints = new ArrayList<>();

    WaypointWalk(WarehouseLayout layout) {
        this.layout = layout;
    }

    /** To where the aisle meets the cross aisle. */
    WaypointWalk at(int aisle, int crossAisle) {
        waypoints.add(layout.intersectionNode(aisle, crossAisle));
        return this;
    }

    /** To the front end of the stretch. */
    WaypointWalk front(AislePicks stretch) {
        return at(stretch.aisle(), stretch.frontCrossAisle());
    }

    /** To the back end of the stretch. */
    WaypointWalk back(AislePicks stretch) {
        return at(stretch.aisle(), stretch.backCrossAisle());
    }

    WaypointWalk picks(int[] nodes) {
        for (int node : nodes) {
            waypoints.add(-node - 1);
        }
        return this;
    }

    /** This walk, then the other one's waypoints. */
    WaypointWalk followedBy(WaypointWalk other) {
        WaypointWalk joined = new WaypointWalk(layout);
        joined.waypoints.addAll(waypoints);
        joined.waypoints.addAll(other.waypoints);
        return joined;
    }

    NodeTour tour() {
        LinkedHashSet<Integer> picks = new LinkedHashSet<>();
        int[] walked = new int[waypoints.size()];
        for (int i = 0; i < walked.length; i++) {
            int waypoint = waypoints.get(i);
            walked[i] = waypoint < 0 ? -waypoint - 1 : waypoint;
            if (waypoint < 0) {
                picks.add(walked[i]);
            }
        }
        return new NodeTour(picks.stream().mapToInt(Integer::intValue).toArray(), NodeTour.lengthOf(layout, walked));
    }
}
