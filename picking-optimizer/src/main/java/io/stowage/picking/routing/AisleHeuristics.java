package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The classic routing heuristics of the order-picking literature (Hall 1993; de Koster, Le-Duc and
 * Roodbergen 2007). Each builds a walk as a list of waypoints (aisle ends and picks) whose legs follow the
 * shortest walking paths, so the route stays feasible with blockages and on multi-block layouts, where only
 * the front and the back cross aisles are used.
 */
final class AisleHeuristics {

    private AisleHeuristics() {
    }

    static NodeTour sShape(WarehouseLayout layout, int[] nodes) {
        List<AislePicks> aisles = AislePicks.of(layout, nodes);
        Walk walk = new Walk(layout);
        for (int i = 0; i < aisles.size(); i++) {
            AislePicks aisle = aisles.get(i);
            boolean lastOfOddCount = i == aisles.size() - 1 && i % 2 == 0;
            if (lastOfOddCount) {
                walk.front(aisle).picks(aisle.nodesFromFront()).front(aisle);
            } else if (i % 2 == 0) {
                walk.front(aisle).picks(aisle.nodesFromFront()).back(aisle);
            } else {
                walk.back(aisle).picks(aisle.fromBack()).front(aisle);
            }
        }
        return walk.tour();
    }

    static NodeTour returnRoute(WarehouseLayout layout, int[] nodes) {
        Walk walk = new Walk(layout);
        for (AislePicks aisle : AislePicks.of(layout, nodes)) {
            walk.front(aisle).picks(aisle.nodesFromFront()).front(aisle);
        }
        return walk.tour();
    }

    static NodeTour largestGap(WarehouseLayout layout, int[] nodes) {
        List<AislePicks> aisles = AislePicks.of(layout, nodes);
        if (aisles.size() == 1) {
            return returnRoute(layout, nodes);
        }
        Walk walk = new Walk(layout);
        AislePicks first = aisles.get(0);
        AislePicks last = aisles.get(aisles.size() - 1);
        List<AislePicks> middle = aisles.subList(1, aisles.size() - 1);
        // the front parts of inner aisles left of the depot are picked on the way out, the others on the way home
        for (int i = middle.size() - 1; i >= 0; i--) {
            if (layout.aisleX(middle.get(i).aisle()) < layout.depotX()) {
                walk.frontPart(middle.get(i));
            }
        }
        walk.front(first).picks(first.nodesFromFront()).back(first);
        for (AislePicks aisle : middle) {
            int[] above = aisle.aboveFromBack(aisle.picksBelowLargestGap(layout));
            if (above.length > 0) {
                walk.back(aisle).picks(above).back(aisle);
            }
        }
        walk.back(last).picks(last.fromBack()).front(last);
        for (int i = middle.size() - 1; i >= 0; i--) {
            if (layout.aisleX(middle.get(i).aisle()) >= layout.depotX()) {
                walk.frontPart(middle.get(i));
            }
        }
        return walk.tour();
    }

    /** Waypoints of a walk; its tour lists the pick nodes in first-visit order with the waypoint walk's length. */
    private static final class Walk {
        private final WarehouseLayout layout;
        private final List<Integer> waypoints = new ArrayList<>();

        Walk(WarehouseLayout layout) {
            this.layout = layout;
        }

        Walk front(AislePicks aisle) {
            waypoints.add(layout.intersectionNode(aisle.aisle(), 0));
            return this;
        }

        Walk back(AislePicks aisle) {
            waypoints.add(layout.intersectionNode(aisle.aisle(), layout.crossAisleCount() - 1));
            return this;
        }

        /** Into the aisle from the front for the picks below its largest gap, and out again. */
        Walk frontPart(AislePicks aisle) {
            int[] below = aisle.below(aisle.picksBelowLargestGap(layout));
            return below.length == 0 ? this : front(aisle).picks(below).front(aisle);
        }

        Walk picks(int[] nodes) {
            for (int node : nodes) {
                waypoints.add(-node - 1);
            }
            return this;
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
}
