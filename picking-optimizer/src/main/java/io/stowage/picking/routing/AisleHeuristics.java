package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

/**
 * The classic routing heuristics of the order-picking literature, the baselines the exact and search-based
 * routers are measured against. Each builds a walk of waypoints (aisle/cross-aisle intersections and picks)
 * whose legs follow the shortest walking paths, so routes stay feasible with blocked aisles.
 * <ul>
 *   <li>{@link #sShape} and {@link #largestGap} are the multi-block versions of Roodbergen and de Koster,
 *   "Routing methods for warehouses with multiple cross aisles", International Journal of Production Research
 *   39(9), 2001: up the left-most pick aisle to the farthest block with picks, then block by block back towards
 *   the depot, each block's sub-aisles visited S-shape or up to their largest gap between that block's cross
 *   aisles ({@link BlockwiseHeuristic}). On a single block they are Hall's (1993) single-block heuristics.</li>
 *   <li>{@link #returnRoute} enters and leaves every aisle with picks from the front cross aisle.</li>
 *   <li>{@link #wholeDepthLargestGap} is the single-block largest gap on any layout, ignoring middle cross
 *   aisles: the route whose length {@link RouteLengthEstimator#largestGap} computes in closed form.</li>
 * </ul>
 */
final class AisleHeuristics {

    private AisleHeuristics() {
    }

    static NodeTour sShape(WarehouseLayout layout, int[] nodes) {
        return new BlockwiseSShape(layout).route(PickBlock.ofLayout(layout, nodes));
    }

    static NodeTour returnRoute(WarehouseLayout layout, int[] nodes) {
        WaypointWalk walk = new WaypointWalk(layout);
        for (AislePicks aisle : AislePicks.of(layout, nodes)) {
            walk.front(aisle).picks(aisle.nodesFromFront()).front(aisle);
        }
        return walk.tour();
    }

    static NodeTour largestGap(WarehouseLayout layout, int[] nodes) {
        return new BlockwiseLargestGap(layout).route(PickBlock.ofLayout(layout, nodes));
    }

    static NodeTour wholeDepthLargestGap(WarehouseLayout layout, int[] nodes) {
        return new BlockwiseLargestGap(layout).route(PickBlock.wholeDepth(layout, nodes));
    }
}
