package io.stowage.picking.batching;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A cheap, closed-form estimate of a batch's route length: the largest-gap route over full-depth aisles
 * (traverse the outermost aisles with picks, reach the others from front and back leaving out their
 * largest gap). It is a feasible walk on an unblocked layout, within a few per cent of the optimum on a
 * single block, and costs one sort of the batch's stops, so batching can call it for every move.
 * Final batches are routed properly by {@link io.stowage.picking.routing.PickRouter}.
 */
public final class BatchRouteEstimator {

    private final int[] rankOfNode;
    private final int[] aisleOfRank;
    private final double[] yOfRank;
    private final double[] aisleX;
    private final double front;
    private final double depth;
    private final double depotX;
    private final double depotOffset;

    public BatchRouteEstimator(WarehouseLayout layout) {
        int nodes = layout.nodeCount();
        Integer[] byPosition = IntStream.range(1, nodes).boxed().toArray(Integer[]::new);
        Arrays.sort(byPosition, Comparator.<Integer>comparingInt(layout::aisleIndexOf).thenComparingDouble(layout::yOf));
        rankOfNode = new int[nodes];
        aisleOfRank = new int[byPosition.length];
        yOfRank = new double[byPosition.length];
        for (int rank = 0; rank < byPosition.length; rank++) {
            rankOfNode[byPosition[rank]] = rank;
            aisleOfRank[rank] = layout.aisleIndexOf(byPosition[rank]);
            yOfRank[rank] = layout.yOf(byPosition[rank]);
        }
        aisleX = IntStream.range(0, layout.aisleCount()).mapToDouble(layout::aisleX).toArray();
        front = layout.crossAisleY(0);
        depth = layout.crossAisleY(layout.crossAisleCount() - 1) - front;
        depotX = layout.depotX();
        depotOffset = layout.depotOffset();
    }

    /** Estimated length in metres of a route through all these walking-graph nodes. */
    public double metres(Collection<int[]> nodeSets) {
        int size = 0;
        for (int[] nodes : nodeSets) {
            size += nodes.length;
        }
        int[] ranks = new int[size];
        int at = 0;
        for (int[] nodes : nodeSets) {
            for (int node : nodes) {
                ranks[at++] = rankOfNode[node];
            }
        }
        return metresOfRanks(ranks);
    }

    /** Estimated length in whole centimetres, the unit of the batching score. */
    public long centimetres(Collection<int[]> nodeSets) {
        return Math.round(metres(nodeSets) * 100);
    }

    private double metresOfRanks(int[] ranks) {
        if (ranks.length == 0) {
            return 0;
        }
        Arrays.sort(ranks);
        int firstAisle = aisleOfRank[ranks[0]];
        int lastAisle = aisleOfRank[ranks[ranks.length - 1]];
        double left = aisleX[firstAisle];
        double right = aisleX[lastAisle];
        double across = 2 * (right - left) + 2 * Math.max(0, left - depotX) + 2 * Math.max(0, depotX - right);
        if (firstAisle == lastAisle) {
            return across + 2 * (yOfRank[ranks[ranks.length - 1]] - front) + 2 * depotOffset;
        }
        double along = 2 * depth;
        int i = 0;
        while (i < ranks.length) {
            int aisle = aisleOfRank[ranks[i]];
            double previousY = front;
            double largestGap = 0;
            while (i < ranks.length && aisleOfRank[ranks[i]] == aisle) {
                largestGap = Math.max(largestGap, yOfRank[ranks[i]] - previousY);
                previousY = yOfRank[ranks[i]];
                i++;
            }
            largestGap = Math.max(largestGap, front + depth - previousY);
            if (aisle != firstAisle && aisle != lastAisle) {
                along += 2 * (depth - largestGap);
            }
        }
        return across + along + 2 * depotOffset;
    }
}
