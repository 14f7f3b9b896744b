package io.stowage.benchmarks.picking;

import io.stowage.picking.layout.WarehouseLayout;
import io.stowage.picking.routing.PickRouter;
import io.stowage.picking.routing.Route;
import io.stowage.picking.routing.RoutingMethod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Route quality per instance class: every method's route length as a ratio to the proven optimum, mean and
 * worst, the mean time per route of ours and the time the optimum took (see {@link ReferenceOptimum}). A
 * pick list whose optimum CP-SAT did not prove within its time limit is left out of the ratios and counted.
 */
final class RoutingBenchmark {

    private static final List<RoutingMethod> COMPARED = List.of(
            RoutingMethod.S_SHAPE, RoutingMethod.LARGEST_GAP, RoutingMethod.RETURN, RoutingMethod.BEST);

    private final ReferenceOptimum optimum;

    RoutingBenchmark(ReferenceOptimum optimum) {
        this.optimum = optimum;
    }

    void run(String layoutName, WarehouseLayout layout, int lines, int instances, boolean withOptaPlanner) {
        GeneratedInstances generator = new GeneratedInstances(layout, 1_000L * lines + layoutName.length());
        List<RoutingMethod> methods = new ArrayList<>(COMPARED);
        if (withOptaPlanner) {
            methods.add(RoutingMethod.OPTAPLANNER);
        }
        ReferenceOptimum.Method reference = ReferenceOptimum.methodFor(layout, lines);
        Map<RoutingMethod, Ratios> ratios = new EnumMap<>(RoutingMethod.class);
        Map<RoutingMethod, Timing> timings = new EnumMap<>(RoutingMethod.class);
        methods.forEach(method -> {
            ratios.put(method, new Ratios());
            timings.put(method, new Timing());
        });
        Timing optimumTiming = new Timing();
        int proven = 0;
        double worstUnprovenGap = 0;
        for (int i = 0; i < instances; i++) {
            List<String> picks = generator.pickList(lines);
            Map<RoutingMethod, Route> routes = new EnumMap<>(RoutingMethod.class);
            for (RoutingMethod method : methods) {
                long start = System.nanoTime();
                routes.put(method, PickRouter.route(layout, picks, method));
                timings.get(method).add(System.nanoTime() - start);
            }
            Route shortest = routes.values().stream().min(Comparator.comparingDouble(Route::lengthMetres)).orElseThrow();
            ExactTour exact = optimum.solve(reference, layout, picks, shortest);
            optimumTiming.add(exact.solveTime().toNanos());
            if (!exact.proven()) {
                worstUnprovenGap = Math.max(worstUnprovenGap, shortest.lengthMetres() / exact.lowerBoundMetres() - 1);
                continue;
            }
            proven++;
            for (RoutingMethod method : methods) {
                ratios.get(method).add(routes.get(method).lengthMetres() / exact.lengthMetres());
            }
        }
        StringBuilder line = new StringBuilder(String.format("%-13s %5d %5d  %-10s %3d/%-3d", layoutName, lines,
                instances, reference.label(), proven, instances));
        for (RoutingMethod method : COMPARED) {
            line.append(ratios.get(method));
        }
        line.append(String.format("  %8.2f  %7.2f %7.2f", timings.get(RoutingMethod.BEST).meanMillis(),
                optimumTiming.meanMillis() / 1000, optimumTiming.worstMillis() / 1000));
        if (withOptaPlanner) {
            line.append(String.format("   optaplanner%s %7.1f ms", ratios.get(RoutingMethod.OPTAPLANNER),
                    timings.get(RoutingMethod.OPTAPLANNER).meanMillis()));
        }
        if (proven < instances) {
            line.append(String.format("   unproven: shortest found within %.1f %% of CP-SAT's bound", 100 * worstUnprovenGap));
        }
        System.out.println(line);
    }

    static void printHeader() {
        System.out.println("Routing: route length / proven optimum (mean, worst) over the lists with a proven optimum;");
        System.out.println("time per route of 'best' (ms) and per optimum (s, mean and max)");
        System.out.printf("%-13s %5s %5s  %-10s %7s  %13s  %13s  %13s  %13s  %8s  %15s%n", "layout", "lines", "lists",
                "optimum by", "proven", "s-shape", "largest-gap", "return", "best (ours)", "ms/route", "optimum s");
    }

    /** Route length over the optimum, mean and worst. */
    private static final class Ratios {
        private double sum;
        private double worst;
        private int count;

        void add(double ratio) {
            sum += ratio;
            worst = Math.max(worst, ratio);
            count++;
        }

        @Override
        public String toString() {
            return count == 0 ? String.format("  %6s %6s", "-", "-") : String.format("  %6.3f %6.3f", sum / count, worst);
        }
    }

    private static final class Timing {
        private long nanos;
        private long worstNanos;
        private int count;

        void add(long elapsedNanos) {
            nanos += elapsedNanos;
            worstNanos = Math.max(worstNanos, elapsedNanos);
            count++;
        }

        double meanMillis() {
            return nanos / 1e6 / count;
        }

        double worstMillis() {
            return worstNanos / 1e6;
        }
    }
}
