package io.stowage.picking.routing;

import io.stowage.picking.PickingException;
import io.stowage.picking.layout.WarehouseLayout;

import java.util.Arrays;

/** Held and Karp's exact dynamic programme over subsets of stops: O(2^n n^2) time, O(2^n n) memory. */
final class HeldKarp {

    static final int MAX_STOPS = 16;

    private HeldKarp() {
    }

    static NodeTour solve(WarehouseLayout layout, int[] nodes) {
        return walkFrom(layout, WarehouseLayout.DEPOT, nodes);
    }

    /**
     * The shortest walk from {@code start} through every node and on to the depot; from the depot it is
     * the shortest round trip. The length counts from {@code start}.
     */
    static NodeTour walkFrom(WarehouseLayout layout, int start, int[] nodes) {
        int n = nodes.length;
        if (n > MAX_STOPS) {
            throw new PickingException("Held-Karp handles at most " + MAX_STOPS + " distinct stops, not " + n);
        }
        if (n == 0) {
            return new NodeTour(new int[0], layout.distance(start, WarehouseLayout.DEPOT));
        }
        int full = 1 << n;
        double[] cost = new double[full * n];
        byte[] previous = new byte[full * n];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        for (int last = 0; last < n; last++) {
            cost[(1 << last) * n + last] = layout.distance(start, nodes[last]);
        }
        for (int mask = 1; mask < full; mask++) {
            for (int last = 0; last < n; last++) {
                double here = cost[mask * n + last];
                if ((mask & (1 << last)) == 0 || here == Double.POSITIVE_INFINITY) {
                    continue;
                }
                for (int next = 0; next < n; next++) {
                    if ((mask & (1 << next)) != 0) {
                        continue;
                    }
                    int extended = (mask | (1 << next)) * n + next;
                    double candidate = here + layout.distance(nodes[last], nodes[next]);
                    if (candidate < cost[extended]) {
                        cost[extended] = candidate;
                        previous[extended] = (byte) last;
                    }
                }
            }
        }
        int mask = full - 1;
        int best = 0;
        double bestLength = Double.POSITIVE_INFINITY;
        for (int last = 0; last < n; last++) {
            double length = cost[mask * n + last] + layout.distance(nodes[last], WarehouseLayout.DEPOT);
            if (length < bestLength) {
                bestLength = length;
                best = last;
            }
        }
        int[] order = new int[n];
        for (int position = n - 1; position >= 0; position--) {
            order[position] = nodes[best];
            int before = previous[mask * n + best];
            mask &= ~(1 << best);
            best = before;
        }
        return new NodeTour(order, bestLength);
    }
}
