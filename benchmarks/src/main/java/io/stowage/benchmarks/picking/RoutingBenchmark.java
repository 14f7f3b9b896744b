package io.stowage.benchmarks.picking;

import io.stowage.picking.layout.WarehouseLayout;
import io.stowage.picking.routing.PickRouter;
import io.stowage.picking.routing.Route;
import io.stowage.picking.routing.RoutingMethod;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Route quality per instance class: every method's route length as a ratio to a reference, mean and worst,
 * and mean solve time per route. The reference is the optimum where it can be computed (Ratliff-Rosenthal on
 * a single block, Held-Karp up to 16 distinct stops) and otherwise the shortest route any method found.
 */
final class RoutingBenchmark {

    private static final List<RoutingMethod> COMPARED = List.of(
            RoutingMethod.S_SHAPE, RoutingMethod.LARGEST_GAP, RoutingMethod.RETURN, RoutingMethod.BEST);

    private RoutingBenchmark() {
    }

    static void run(String layoutName, WarehouseLayout layout, int lines, int instances, boolean withOptaPlanner) {
        GeneratedInstances generator = new GeneratedInstances(layout, 1_000L * lines + layoutName.length());
        List<RoutingMethod> methods = new ArrayList<>(COMPARED);
        if (withOptaPlanner) {
            methods.add(RoutingMethod.OPTAPLANNER);
        }
        Map<RoutingMethod, Stats> stats = new EnumMap<>(RoutingMethod.class);
        methods.forEach(method -> stats.put(method, new Stats()));
        String reference = "optimum";
        int computedOptima = 0;
        for (int i = 0; i < instances; i++) {
            List<String> picks = generator.pickList(lines);
            Map<RoutingMethod, Double> lengths = new EnumMap<>(RoutingMethod.class);
            Map<RoutingMethod, Long> nanos = new EnumMap<>(RoutingMethod.class);
            for (RoutingMethod method : methods) {
                long start = System.nanoTime();
                Route route = PickRouter.route(layout, picks, method);
                nanos.put(method, System.nanoTime() - start);
                lengths.put(method, route.lengthMetres());
            }
            Double optimum = optimum(layout, picks);
            double best;
            if (optimum != null) {
                best = optimum;
                computedOptima++;
            } else {
                best = lengths.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                reference = "best found";
            }
            for (RoutingMethod method : methods) {
                stats.get(method).add(lengths.get(method) / best, nanos.get(method));
            }
        }
        StringBuilder line = new StringBuilder(String.format("%-13s %5d %5d  %-10s", layoutName, lines, instances,
                computedOptima == instances ? reference : "best found"));
        for (RoutingMethod method : COMPARED) {
            line.append(String.format("  %6.3f %6.3f", stats.get(method).mean(), stats.get(method).worst));
        }
        line.append(String.format("  %8.2f", stats.get(RoutingMethod.BEST).meanMillis()));
        if (withOptaPlanner) {
            Stats optaPlanner = stats.get(RoutingMethod.OPTAPLANNER);
            line.append(String.format("   optaplanner %6.3f %6.3f %7.1f ms", optaPlanner.mean(), optaPlanner.worst, optaPlanner.meanMillis()));
        }
        System.out.println(line);
    }

    static void printHeader() {
        System.out.println("Routing: route length / reference (mean, worst); time per route of 'best'");
        System.out.printf("%-13s %5s %5s  %-10s  %13s  %13s  %13s  %13s  %8s%n", "layout", "lines", "lists", "reference",
                "s-shape", "largest-gap", "return", "best (ours)", "ms/route");
    }

    /** The optimum where it is affordable, null elsewhere. */
    private static Double optimum(WarehouseLayout layout, List<String> picks) {
        long distinct = picks.stream().mapToInt(layout::nodeOf).distinct().count();
        if (layout.isSingleBlock() && !layout.hasBlockages()) {
            return PickRouter.route(layout, picks, RoutingMethod.RATLIFF_ROSENTHAL).lengthMetres();
        }
        if (distinct <= 16) {
            return PickRouter.route(layout, picks, RoutingMethod.HELD_KARP).lengthMetres();
        }
        return null;
    }

    private static final class Stats {
        private double sum;
        private double worst;
        private long nanos;
        private int count;

        void add(double ratio, long elapsedNanos) {
            sum += ratio;
            worst = Math.max(worst, ratio);
            nanos += elapsedNanos;
            count++;
        }

        double mean() {
            return sum / count;
        }

        double meanMillis() {
            return nanos / 1e6 / count;
        }
    }
}
