package io.stowage.benchmarks.picking;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CircuitConstraint;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import io.stowage.picking.layout.WarehouseLayout;

import java.time.Duration;
import java.util.List;

/**
 * The benchmark's exact reference for pick lists too long for Held-Karp on layouts Ratliff-Rosenthal does not
 * cover: the shortest round trip from the depot through every distinct walking position of the picks, as an
 * OR-tools CP-SAT circuit over the walking distances, in whole millimetres like the optimizer's own stop
 * distances (so a tour optimal for the rounded arcs is within a millimetre a stop of the true optimum, and
 * exact on the benchmark's grids, whose positions lie on a 5 cm raster).
 *
 * <p>CP-SAT stops at the time limit; only a tour it proved optimal may serve as the optimum
 * ({@link ExactTour#proven()}). Benchmarks only: the native library stays out of the service.
 */
final class CpSatTourSolver {

    /** One worker proves, the other improves tours; two match the benchmark machine's cores. */
    private static final int WORKERS = 2;

    private final Duration timeLimit;

    /** @param timeLimit wall time per pick list, after which the best tour found so far comes back unproven */
    CpSatTourSolver(Duration timeLimit) {
        this.timeLimit = timeLimit;
        Loader.loadNativeLibraries();
    }

    /** The shortest tour through these picks, or the best CP-SAT found within the limit, unproven. */
    ExactTour solve(WarehouseLayout layout, List<String> locationCodes) {
        return solve(layout, locationCodes, null);
    }

    /**
     * As {@link #solve(WarehouseLayout, List)}, starting the search from a known tour (a hint only: it
     * shortens the search and changes nothing about what is proven).
     *
     * @param startOrder walking-graph nodes of a tour through the same stops, or null
     */
    ExactTour solve(WarehouseLayout layout, List<String> locationCodes, int[] startOrder) {
        long started = System.nanoTime();
        int[] stops = locationCodes.stream().mapToInt(layout::nodeOf).distinct().toArray();
        if (stops.length < 2) {
            return ExactTour.optimal(layout, stops, elapsed(started));
        }
        int[] nodes = new int[stops.length + 1];
        nodes[0] = WarehouseLayout.DEPOT;
        System.arraycopy(stops, 0, nodes, 1, stops.length);
        int n = nodes.length;

        CpModel model = new CpModel();
        CircuitConstraint circuit = model.addCircuit();
        BoolVar[][] arc = new BoolVar[n][n];
        BoolVar[] arcs = new BoolVar[n * (n - 1)];
        long[] millimetres = new long[arcs.length];
        int k = 0;
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                if (from != to) {
                    arc[from][to] = model.newBoolVar(from + ">" + to);
                    circuit.addArc(from, to, arc[from][to]);
                    arcs[k] = arc[from][to];
                    millimetres[k++] = Math.round(layout.distance(nodes[from], nodes[to]) * 1000);
                }
            }
        }
        model.minimize(LinearExpr.weightedSum(arcs, millimetres));
        if (startOrder != null) {
            hint(model, arc, nodes, startOrder);
        }

        CpSolver solver = new CpSolver();
        // With several workers CP-SAT's full-problem worker is 'default_lp', whose linear relaxation leaves
        // out the circuit's subtour cuts: its bound stayed at the assignment relaxation (387.6 m under a 530.6 m
        // tour of 60 picks on three blocks) and nothing was proven in 20 s. 'max_lp' adds them and proves such
        // tours in seconds; the other worker runs CP-SAT's tour-improving neighbourhoods.
        solver.getParameters()
                .setNumWorkers(WORKERS)
                .addSubsolvers("max_lp")
                .setMaxTimeInSeconds(timeLimit.toMillis() / 1000.0)
                .setRandomSeed(1);
        CpSolverStatus status = solver.solve(model);
        Duration took = elapsed(started);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return ExactTour.notFound(Math.round(solver.bestObjectiveBound()), took);
        }
        int[] order = new int[stops.length];
        int at = 0;
        for (int position = 0; position < stops.length; position++) {
            at = successor(solver, arc, at);
            order[position] = nodes[at];
        }
        return ExactTour.of(layout, order, status == CpSolverStatus.OPTIMAL,
                Math.round(solver.bestObjectiveBound()), took);
    }

    private static void hint(CpModel model, BoolVar[][] arc, int[] nodes, int[] startOrder) {
        int n = nodes.length;
        boolean[][] used = new boolean[n][n];
        int previous = 0;
        for (int node : startOrder) {
            int index = indexOfNode(nodes, node);
            used[previous][index] = true;
            previous = index;
        }
        used[previous][0] = true;
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                if (from != to) {
                    model.addHint(arc[from][to], used[from][to]);
                }
            }
        }
    }

    private static int indexOfNode(int[] nodes, int node) {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] == node) {
                return i;
            }
        }
        throw new IllegalArgumentException("the start tour visits node " + node + ", which is not a stop");
    }

    private static int successor(CpSolver solver, BoolVar[][] arc, int from) {
        for (int to = 0; to < arc.length; to++) {
            if (to != from && solver.booleanValue(arc[from][to])) {
                return to;
            }
        }
        throw new IllegalStateException("CP-SAT's circuit leaves stop " + from + " nowhere");
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
