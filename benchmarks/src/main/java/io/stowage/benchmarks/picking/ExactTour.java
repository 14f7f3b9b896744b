package io.stowage.benchmarks.picking;

import io.stowage.picking.layout.WarehouseLayout;

import java.time.Duration;

/**
 * What an exact solver returned for one pick list: its best tour, whether it proved that tour optimal, and
 * the lower bound it reached when it did not.
 *
 * @param order           walking-graph nodes in visiting order, the depot implied at both ends; null when no
 *                        tour was found within the time limit
 * @param lengthMetres    the tour's true walking length (NaN without a tour)
 * @param proven          true only when the solver proved no shorter tour exists
 * @param lowerBoundMetres no tour is shorter than this
 * @param solveTime       wall time of the solve, model building included
 */
record ExactTour(int[] order, double lengthMetres, boolean proven, double lowerBoundMetres, Duration solveTime) {

    static ExactTour of(WarehouseLayout layout, int[] order, boolean proven, long lowerBoundMillimetres,
                        Duration solveTime) {
        return new ExactTour(order, lengthOf(layout, order), proven, lowerBoundMillimetres / 1000.0, solveTime);
    }

    /** A tour with at most one stop: there is nothing to choose, so it is optimal. */
    static ExactTour optimal(WarehouseLayout layout, int[] order, Duration solveTime) {
        double length = lengthOf(layout, order);
        return new ExactTour(order, length, true, length, solveTime);
    }

    static ExactTour notFound(long lowerBoundMillimetres, Duration solveTime) {
        return new ExactTour(null, Double.NaN, false, lowerBoundMillimetres / 1000.0, solveTime);
    }

    private static double lengthOf(WarehouseLayout layout, int[] order) {
        double length = 0;
        int previous = WarehouseLayout.DEPOT;
        for (int node : order) {
            length += layout.distance(previous, node);
            previous = node;
        }
        return length + layout.distance(previous, WarehouseLayout.DEPOT);
    }
}
