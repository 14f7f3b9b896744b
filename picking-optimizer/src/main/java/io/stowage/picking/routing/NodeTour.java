package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

/** A round trip from the depot through walking-graph nodes in the given order, with its length. */
record NodeTour(int[] order, double length) {

    /** The tour through {@code order}, measured with the layout's shortest walking distances. */
    static NodeTour through(WarehouseLayout layout, int[] order) {
        return new NodeTour(order, lengthOf(layout, order));
    }

    static double lengthOf(WarehouseLayout layout, int[] order) {
        double length = 0;
        int previous = WarehouseLayout.DEPOT;
        for (int node : order) {
            length += layout.distance(previous, node);
            previous = node;
        }
        return length + layout.distance(previous, WarehouseLayout.DEPOT);
    }
}
