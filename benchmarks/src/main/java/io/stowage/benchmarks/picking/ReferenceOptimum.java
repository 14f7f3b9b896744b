package io.stowage.benchmarks.picking;

import io.stowage.picking.layout.WarehouseLayout;
import io.stowage.picking.routing.PickRouter;
import io.stowage.picking.routing.Route;
import io.stowage.picking.routing.RoutingMethod;

import java.time.Duration;
import java.util.List;

/**
 * The exact optimum the routing benchmark measures against, by the cheapest method that is exact for an
 * instance class: Ratliff-Rosenthal on a single block, Held-Karp up to 16 lines elsewhere, CP-SAT beyond.
 */
final class ReferenceOptimum {

    /** How the optimum of a class is obtained. */
    enum Method {
        RATLIFF_ROSENTHAL("ratliff-r."),
        HELD_KARP("held-karp"),
        CP_SAT("cp-sat");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Held-Karp's limit in distinct stops, so in lines. */
    private static final int HELD_KARP_LINES = 16;

    private final CpSatTourSolver cpSat;

    ReferenceOptimum(CpSatTourSolver cpSat) {
        this.cpSat = cpSat;
    }

    static Method methodFor(WarehouseLayout layout, int lines) {
        if (layout.isSingleBlock() && !layout.hasBlockages()) {
            return Method.RATLIFF_ROSENTHAL;
        }
        return lines <= HELD_KARP_LINES ? Method.HELD_KARP : Method.CP_SAT;
    }

    /**
     * The optimum of one pick list by the given method; CP-SAT's may come back unproven.
     *
     * @param shortestKnown the shortest route the compared methods found, where CP-SAT starts its search
     */
    ExactTour solve(Method method, WarehouseLayout layout, List<String> picks, Route shortestKnown) {
        return switch (method) {
            case RATLIFF_ROSENTHAL -> exactRoute(layout, picks, RoutingMethod.RATLIFF_ROSENTHAL);
            case HELD_KARP -> exactRoute(layout, picks, RoutingMethod.HELD_KARP);
            case CP_SAT -> cpSat.solve(layout, picks, nodesOf(layout, shortestKnown));
        };
    }

    private static ExactTour exactRoute(WarehouseLayout layout, List<String> picks, RoutingMethod method) {
        long started = System.nanoTime();
        Route route = PickRouter.route(layout, picks, method);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new ExactTour(nodesOf(layout, route), route.lengthMetres(), true, route.lengthMetres(), took);
    }

    /** A route's walking positions in visiting order; the router lists the codes of one position together. */
    static int[] nodesOf(WarehouseLayout layout, Route route) {
        return route.stops().stream().mapToInt(layout::nodeOf).distinct().toArray();
    }
}
