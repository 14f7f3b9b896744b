package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Local search by OptaPlanner on one route: a list variable over the stops with nearby selection by walking
 * distance (configured in {@code routeSolverConfig.xml}), started from the {@link TourImprover} tour so it
 * can only keep or shorten it. Bounded by a time limit and stopped early when it stops improving.
 */
final class OptaPlannerRouteSolver {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(2);
    private static final Duration UNIMPROVED_LIMIT = Duration.ofMillis(300);
    private static final SolverFactory<RoutePlan> FACTORY = SolverFactory.create(
            SolverConfig.createFromXmlResource("io/stowage/picking/routing/routeSolverConfig.xml")
                    .withTerminationConfig(new TerminationConfig()
                            .withSpentLimit(TIME_LIMIT)
                            .withUnimprovedSpentLimit(UNIMPROVED_LIMIT)));

    private OptaPlannerRouteSolver() {
    }

    static NodeTour solve(WarehouseLayout layout, int[] nodes) {
        NodeTour start = TourImprover.solve(layout, nodes);
        if (nodes.length < 4) {
            return start;
        }
        int[] order = start.order();
        StopDistances distances = new StopDistances(layout, order);
        RoutePicker picker = new RoutePicker();
        List<RouteStop> stops = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            RouteStop stop = new RouteStop(i + 1, distances);
            stop.setPicker(picker);
            if (i > 0) {
                stop.setPrevious(stops.get(i - 1));
                stops.get(i - 1).setNext(stop);
            }
            stops.add(stop);
        }
        picker.setStops(new ArrayList<>(stops));
        Solver<RoutePlan> solver = FACTORY.buildSolver();
        RoutePlan solved = solver.solve(new RoutePlan(stops, picker));
        int[] improved = solved.getPickers().get(0).getStops().stream().mapToInt(stop -> order[stop.index() - 1]).toArray();
        NodeTour result = NodeTour.through(layout, improved);
        return result.length() < start.length() ? result : start;
    }
}
