package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

/** Walking distances between a route's stops in whole millimetres, index {@value #DEPOT} being the depot. */
final class StopDistances {

    static final int DEPOT = 0;

    private final long[][] millimetres;

    StopDistances(WarehouseLayout layout, int[] nodes) {
        int n = nodes.length + 1;
        millimetres = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int from = i == DEPOT ? WarehouseLayout.DEPOT : nodes[i - 1];
                int to = j == DEPOT ? WarehouseLayout.DEPOT : nodes[j - 1];
                millimetres[i][j] = Math.round(layout.distance(from, to) * 1000);
            }
        }
    }

    long millimetres(int from, int to) {
        return millimetres[from][to];
    }
}
