package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

/**
 * Shortest onward walks from a given node through stops to the depot: exact with Held-Karp for short
 * lists; beyond, the better direction of the best round trip, improved by 2-opt with both ends fixed.
 * A walk needs no return leg, so the round trip's order is only a start.
 */
final class OnwardWalk {

    private OnwardWalk() {
    }

    static NodeTour solve(WarehouseLayout layout, int start, int[] nodes) {
        if (nodes.length <= HeldKarp.MAX_STOPS) {
            return HeldKarp.walkFrom(layout, start, nodes);
        }
        int[] forward = PickRouter.solve(layout, nodes, RoutingMethod.BEST).order();
        int[] backward = new int[forward.length];
        for (int i = 0; i < forward.length; i++) {
            backward[i] = forward[forward.length - 1 - i];
        }
        int[] order = length(layout, start, backward) < length(layout, start, forward) ? backward : forward;
        improve(layout, start, order);
        return new NodeTour(order, length(layout, start, order));
    }

    /** Reverses segments while one shortens the walk; the start and the depot at the end stay put. */
    private static void improve(WarehouseLayout layout, int start, int[] order) {
        int n = order.length;
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int i = 0; i < n - 1; i++) {
                int before = i == 0 ? start : order[i - 1];
                for (int j = i + 1; j < n; j++) {
                    int after = j == n - 1 ? WarehouseLayout.DEPOT : order[j + 1];
                    double delta = layout.distance(before, order[j]) + layout.distance(order[i], after)
                            - layout.distance(before, order[i]) - layout.distance(order[j], after);
                    if (delta < -1e-9) {
                        reverse(order, i, j);
                        improved = true;
                    }
                }
            }
        }
    }

    static double length(WarehouseLayout layout, int start, int[] order) {
        double length = 0;
        int previous = start;
        for (int node : order) {
            length += layout.distance(previous, node);
            previous = node;
        }
        return length + layout.distance(previous, WarehouseLayout.DEPOT);
    }

    private static void reverse(int[] order, int i, int j) {
        for (; i < j; i++, j--) {
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
