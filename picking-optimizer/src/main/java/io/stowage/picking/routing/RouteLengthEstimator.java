package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Route lengths for pick lists without building the route, cheap enough to call for every move of a
 * batching search. Two kinds:
 * <ul>
 *   <li>{@link #largestGap}: the closed-form length of the largest-gap route over full-depth aisles (traverse
 *   the outermost aisles with picks, reach the others from front and back leaving out their largest gap),
 *   the estimate the batching literature uses;</li>
 *   <li>{@link #bestAvailable}: the optimum by Ratliff and Rosenthal's programme on a single block without
 *   blockages; elsewhere a tour on the true walking distances, exact (Held-Karp) up to
 *   {@value #EXACT_TOUR_STOPS} distinct stops and one nearest-neighbour, 2-opt and Or-opt descent above.</li>
 * </ul>
 * The largest-gap route ignores middle cross aisles and blockages, so on those layouts it misjudges which
 * orders belong together (on average 1.5 to 1.6 times the optimum in the routing benchmark); the walking tour
 * is within about 1 % of the route {@link PickRouter} finds. The closed forms cost one sort of the
 * stops plus, for the optimum, a pass over the aisles; the walking tour a few microseconds for a cart's
 * stops. Instances are immutable.
 */
public final class RouteLengthEstimator {

    /** Up to this many distinct stops the walking tour is Held-Karp's optimum, cheaper there than a descent. */
    static final int EXACT_TOUR_STOPS = 4;

    private final boolean exact;
    /** The layout whose walking distances judge tours; null for the closed forms. */
    private final WarehouseLayout walking;
    private final int[] rankOfNode;
    private final int[] nodeOfRank;
    private final int[] aisleOfRank;
    private final double[] yOfRank;
    private final double[] aisleX;
    private final double front;
    private final double depth;
    private final double depotX;
    private final double depotOffset;

    private RouteLengthEstimator(WarehouseLayout layout, boolean exact, boolean walking) {
        this.exact = exact;
        this.walking = walking ? layout : null;
        int nodes = layout.nodeCount();
        Integer[] byPosition = IntStream.range(1, nodes).boxed().toArray(Integer[]::new);
        Arrays.sort(byPosition, Comparator.<Integer>comparingInt(layout::aisleIndexOf).thenComparingDouble(layout::yOf));
        rankOfNode = new int[nodes];
        nodeOfRank = new int[byPosition.length];
        aisleOfRank = new int[byPosition.length];
        yOfRank = new double[byPosition.length];
        for (int rank = 0; rank < byPosition.length; rank++) {
            rankOfNode[byPosition[rank]] = rank;
            nodeOfRank[rank] = byPosition[rank];
            aisleOfRank[rank] = layout.aisleIndexOf(byPosition[rank]);
            yOfRank[rank] = layout.yOf(byPosition[rank]);
        }
        aisleX = IntStream.range(0, layout.aisleCount()).mapToDouble(layout::aisleX).toArray();
        front = layout.crossAisleY(0);
        depth = layout.crossAisleY(layout.crossAisleCount() - 1) - front;
        depotX = layout.depotX();
        depotOffset = layout.depotOffset();
    }

    /** Largest-gap lengths on any layout. */
    public static RouteLengthEstimator largestGap(WarehouseLayout layout) {
        return new RouteLengthEstimator(layout, false, false);
    }

    /** Optimal lengths where Ratliff-Rosenthal applies, walking-tour lengths elsewhere. */
    public static RouteLengthEstimator bestAvailable(WarehouseLayout layout) {
        boolean singleBlock = RatliffRosenthal.applies(layout);
        return new RouteLengthEstimator(layout, singleBlock, !singleBlock);
    }

    /** True when every length is the optimum (a single block), rather than an estimate. */
    public boolean isExact() {
        return exact;
    }

    /** Length in metres of a route through all these walking-graph nodes (repeats allowed). */
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
        if (ranks.length == 0) {
            return 0;
        }
        Arrays.sort(ranks);
        if (walking != null) {
            return walkingTourOfRanks(ranks);
        }
        return (exact ? optimalOfRanks(ranks) : largestGapOfRanks(ranks)) + 2 * depotOffset;
    }

    /** Length in whole millimetres, the unit of the batching score. */
    public long millimetres(Collection<int[]> nodeSets) {
        return Math.round(metres(nodeSets) * 1000);
    }

    /** Distinct stops in rank order, so that a node set always gets the same tour whatever order it came in. */
    private double walkingTourOfRanks(int[] ranks) {
        int[] nodes = new int[ranks.length];
        int distinct = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (i == 0 || ranks[i] != ranks[i - 1]) {
                nodes[distinct++] = nodeOfRank[ranks[i]];
            }
        }
        int[] stops = Arrays.copyOf(nodes, distinct);
        return distinct <= EXACT_TOUR_STOPS ? HeldKarp.solve(walking, stops).length() : TourImprover.descentLength(walking, stops);
    }

    private double largestGapOfRanks(int[] ranks) {
        int firstAisle = aisleOfRank[ranks[0]];
        int lastAisle = aisleOfRank[ranks[ranks.length - 1]];
        double left = aisleX[firstAisle];
        double right = aisleX[lastAisle];
        double across = 2 * (right - left) + 2 * Math.max(0, left - depotX) + 2 * Math.max(0, depotX - right);
        if (firstAisle == lastAisle) {
            return across + 2 * (yOfRank[ranks[ranks.length - 1]] - front);
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
        return across + along;
    }

    /** Columns from the leftmost to the rightmost of the depot and the pick aisles; no tour gains from others. */
    private double optimalOfRanks(int[] ranks) {
        int firstAisle = aisleOfRank[ranks[0]];
        int lastAisle = aisleOfRank[ranks[ranks.length - 1]];
        int capacity = lastAisle - firstAisle + 2;
        double[] x = new double[capacity];
        int[] picks = new int[capacity];
        double[] fromFront = new double[capacity];
        double[] fromBack = new double[capacity];
        double[] withoutGap = new double[capacity];
        int columns = 0;
        boolean depotPlaced = false;
        int i = 0;
        for (int aisle = firstAisle; aisle <= lastAisle; aisle++) {
            if (!depotPlaced && depotX < aisleX[aisle]) {
                x[columns] = depotX;
                picks[columns++] = -1;
                depotPlaced = true;
            }
            x[columns] = aisleX[aisle];
            int count = 0;
            double lowest = 0;
            double highest = 0;
            double largestInnerGap = 0;
            while (i < ranks.length && aisleOfRank[ranks[i]] == aisle) {
                double y = yOfRank[ranks[i]];
                if (count == 0) {
                    lowest = y;
                } else {
                    largestInnerGap = Math.max(largestInnerGap, y - highest);
                }
                highest = y;
                count++;
                i++;
            }
            picks[columns] = count;
            fromFront[columns] = 2 * (highest - front);
            fromBack[columns] = 2 * (front + depth - lowest);
            withoutGap[columns] = 2 * (depth - largestInnerGap);
            columns++;
        }
        if (!depotPlaced) {
            x[columns] = depotX;
            picks[columns++] = -1;
        }
        return RatliffRosenthal.optimalLength(columns, x, picks, fromFront, fromBack, withoutGap, depth);
    }
}
