package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.Random;

/**
 * Nearest neighbour, then 2-opt and Or-opt to a local optimum, then iterated local search: a double-bridge
 * kick followed by the same descent, kept when it does not walk further. Works on a dense copy of the
 * walking distances between the stops, position 0 being the depot. Seeded, so a pick list always gets the
 * same route.
 */
final class TourImprover {

    private static final long SEED = 20_231_983L;

    private final double[][] d;
    private final int n;

    private TourImprover(WarehouseLayout layout, int[] nodes) {
        n = nodes.length + 1;
        d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = layout.distance(i == 0 ? WarehouseLayout.DEPOT : nodes[i - 1], j == 0 ? WarehouseLayout.DEPOT : nodes[j - 1]);
            }
        }
    }

    static NodeTour solve(WarehouseLayout layout, int[] nodes) {
        if (nodes.length < 3) {
            return NodeTour.through(layout, nodes.clone());
        }
        TourImprover improver = new TourImprover(layout, nodes);
        int[] best = improver.iterate(improver.nearestNeighbour(), 40 + 8 * nodes.length);
        int[] order = new int[nodes.length];
        for (int i = 1; i < best.length; i++) {
            order[i - 1] = nodes[best[i] - 1];
        }
        return NodeTour.through(layout, order);
    }

    /**
     * Length of the tour that nearest neighbour, 2-opt and Or-opt reach without kicks: close to the route
     * {@link #solve} finds, at a small fraction of its cost, so that batching can afford it for every move.
     */
    static double descentLength(WarehouseLayout layout, int[] nodes) {
        if (nodes.length < 3) {
            return NodeTour.lengthOf(layout, nodes);
        }
        TourImprover improver = new TourImprover(layout, nodes);
        return improver.length(improver.descend(improver.nearestNeighbour()));
    }

    private int[] iterate(int[] start, int kicks) {
        Random random = new Random(SEED);
        int[] best = descend(start);
        double bestLength = length(best);
        for (int k = 0; k < kicks; k++) {
            int[] candidate = descend(doubleBridge(best, random));
            double candidateLength = length(candidate);
            if (candidateLength <= bestLength + 1e-9) {
                best = candidate;
                bestLength = candidateLength;
            }
        }
        return best;
    }

    private int[] nearestNeighbour() {
        int[] tour = new int[n];
        boolean[] visited = new boolean[n];
        visited[0] = true;
        for (int i = 1; i < n; i++) {
            int from = tour[i - 1];
            int nearest = -1;
            for (int j = 1; j < n; j++) {
                if (!visited[j] && (nearest < 0 || d[from][j] < d[from][nearest])) {
                    nearest = j;
                }
            }
            tour[i] = nearest;
            visited[nearest] = true;
        }
        return tour;
    }

    private int[] descend(int[] start) {
        int[] tour = start.clone();
        boolean improved = true;
        while (improved) {
            improved = twoOpt(tour) | orOpt(tour);
        }
        return tour;
    }

    /** Reverses tour[i..j] whenever that shortens the cycle; the depot stays at position 0. */
    private boolean twoOpt(int[] tour) {
        boolean any = false;
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int i = 1; i < n - 1; i++) {
                for (int j = i + 1; j < n; j++) {
                    int a = tour[i - 1];
                    int b = tour[i];
                    int c = tour[j];
                    int e = tour[(j + 1) % n];
                    double delta = d[a][c] + d[b][e] - d[a][b] - d[c][e];
                    if (delta < -1e-9) {
                        reverse(tour, i, j);
                        improved = true;
                        any = true;
                    }
                }
            }
        }
        return any;
    }

    /** Moves a segment of one to three stops elsewhere, either way round, whenever that shortens the cycle. */
    private boolean orOpt(int[] tour) {
        boolean any = false;
        for (int length = 1; length <= 3; length++) {
            for (int i = 1; i + length <= n; i++) {
                int first = tour[i];
                int last = tour[i + length - 1];
                int before = tour[i - 1];
                int after = tour[(i + length) % n];
                double removed = d[before][first] + d[last][after] - d[before][after];
                for (int j = 0; j < n; j++) {
                    if (j >= i - 1 && j < i + length) {
                        continue;
                    }
                    int p = tour[j];
                    int q = tour[(j + 1) % n];
                    double forward = d[p][first] + d[last][q] - d[p][q];
                    double backward = d[p][last] + d[first][q] - d[p][q];
                    if (Math.min(forward, backward) < removed - 1e-9) {
                        move(tour, i, length, j, backward < forward);
                        any = true;
                        break;
                    }
                }
            }
        }
        return any;
    }

    private void move(int[] tour, int from, int length, int afterPosition, boolean reversed) {
        int[] segment = new int[length];
        System.arraycopy(tour, from, segment, 0, length);
        if (reversed) {
            for (int k = 0; k < length / 2; k++) {
                int swap = segment[k];
                segment[k] = segment[length - 1 - k];
                segment[length - 1 - k] = swap;
            }
        }
        int[] rest = new int[n - length];
        int r = 0;
        int insertAt = -1;
        for (int k = 0; k < n; k++) {
            if (k >= from && k < from + length) {
                continue;
            }
            rest[r++] = tour[k];
            if (k == afterPosition) {
                insertAt = r;
            }
        }
        System.arraycopy(rest, 0, tour, 0, insertAt);
        System.arraycopy(segment, 0, tour, insertAt, length);
        System.arraycopy(rest, insertAt, tour, insertAt + length, rest.length - insertAt);
    }

    private int[] doubleBridge(int[] tour, Random random) {
        if (n < 8) {
            int[] kicked = tour.clone();
            int i = 1 + random.nextInt(n - 2);
            int j = i + 1 + random.nextInt(n - 1 - i);
            reverse(kicked, i, j);
            return kicked;
        }
        int[] cuts = random.ints(1, n).distinct().limit(3).sorted().toArray();
        int[] kicked = new int[n];
        int k = 0;
        for (int[] part : new int[][] {{0, cuts[0]}, {cuts[2], n}, {cuts[1], cuts[2]}, {cuts[0], cuts[1]}}) {
            for (int p = part[0]; p < part[1]; p++) {
                kicked[k++] = tour[p];
            }
        }
        return kicked;
    }

    private static void reverse(int[] tour, int i, int j) {
        for (; i < j; i++, j--) {
            int swap = tour[i];
            tour[i] = tour[j];
            tour[j] = swap;
        }
    }

    private double length(int[] tour) {
        double length = 0;
        for (int i = 0; i < n; i++) {
            length += d[tour[i]][tour[(i + 1) % n]];
        }
        return length;
    }
}
