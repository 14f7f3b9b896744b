package io.stowage.picking.cli;

import io.stowage.picking.PickingException;
import io.stowage.picking.batching.BatchPlan;
import io.stowage.picking.batching.BatchPlanner;
import io.stowage.picking.batching.FirstComeFirstServedBatcher;
import io.stowage.picking.batching.PickBatch;
import io.stowage.picking.batching.SavingsBatcher;
import io.stowage.picking.layout.WarehouseLayout;
import io.stowage.picking.routing.PickRouter;
import io.stowage.picking.routing.Route;
import io.stowage.picking.routing.RoutingMethod;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs every routing and batching method on an instance file and prints routes, batches and lengths.
 * Usage: {@code PickingCli <instance.json> [--optaplanner-routes]}; see {@code picking-optimizer/README.md}
 * for the file format and the Maven command. Exit status 0 on success, 1 for a bad instance, 2 for bad usage.
 */
public final class PickingCli {

    private final PrintStream out;

    PickingCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--optaplanner-routes"))) {
            System.err.println("usage: PickingCli <instance.json> [--optaplanner-routes]");
            System.exit(2);
        }
        try {
            new PickingCli(System.out).run(PickingInstance.read(Path.of(args[0])), args.length == 2);
            // solver libraries may leave worker threads behind; a command ends when its output is complete
            System.out.flush();
            System.exit(0);
        } catch (PickingException invalid) {
            System.err.println("error: " + invalid.getMessage());
            System.exit(1);
        }
    }

    void run(PickingInstance instance, boolean optaPlannerRoutes) {
        WarehouseLayout layout = instance.layout().build();
        out.printf("layout: %d aisles, %d cross aisles, %d locations, %d walking positions%n", layout.aisleCount(),
                layout.crossAisleCount(), layout.locations().size(), layout.nodeCount() - 1);
        for (PickListSpec pickList : instance.pickLists()) {
            printRoutes(layout, pickList, optaPlannerRoutes);
        }
        if (!instance.orders().isEmpty()) {
            printBatching(layout, instance);
        }
    }

    private void printRoutes(WarehouseLayout layout, PickListSpec pickList, boolean optaPlannerRoutes) {
        long stops = pickList.locationCodes().stream().mapToInt(layout::nodeOf).distinct().count();
        out.printf("%npick list %s: %d lines, %d stops%n", pickList.id(), pickList.locationCodes().size(), stops);
        List<RoutingMethod> methods = new ArrayList<>(List.of(RoutingMethod.S_SHAPE, RoutingMethod.RETURN, RoutingMethod.LARGEST_GAP));
        if (layout.isSingleBlock() && !layout.hasBlockages()) {
            methods.add(RoutingMethod.RATLIFF_ROSENTHAL);
        }
        if (stops <= 16) {
            methods.add(RoutingMethod.HELD_KARP);
        }
        methods.add(RoutingMethod.LOCAL_SEARCH);
        if (optaPlannerRoutes) {
            methods.add(RoutingMethod.OPTAPLANNER);
        }
        methods.add(RoutingMethod.BEST);
        for (RoutingMethod method : methods) {
            Route route = PickRouter.route(layout, pickList.locationCodes(), method);
            String label = method == RoutingMethod.BEST ? "best (" + route.method() + ")" : route.method();
            out.printf("  %-28s %9.2f m  %s%n", label, route.lengthMetres(), String.join(" ", route.stops()));
        }
    }

    private void printBatching(WarehouseLayout layout, PickingInstance instance) {
        out.printf("%norders: %d on carts of %d totes, %d cm3, %d g; search time %.1f s%n", instance.orders().size(),
                instance.cart().totes(), instance.cart().volumeCm3(), instance.cart().weightGrams(),
                instance.timeLimit().toMillis() / 1000.0);
        printPlan(() -> FirstComeFirstServedBatcher.plan(layout, instance.orders(), instance.cart()));
        printPlan(() -> SavingsBatcher.plan(layout, instance.orders(), instance.cart(), instance.timeLimit()));
        try (BatchPlanner planner = new BatchPlanner()) {
            printPlan(() -> await(planner.plan(layout, instance.orders(), instance.cart(), instance.timeLimit()).result()));
        }
    }

    private void printPlan(Supplier<BatchPlan> planning) {
        long start = System.nanoTime();
        BatchPlan plan = planning.get();
        out.printf("%n  %s: %.2f m in %d batches (%.1f s)%n", plan.method(), plan.totalLengthMetres(), plan.batches().size(),
                (System.nanoTime() - start) / 1e9);
        for (PickBatch batch : plan.batches()) {
            out.printf("    batch %d: %s | %.2f m (%s): %s%n", batch.sequence(), String.join(" ", batch.orderIds()),
                    batch.route().lengthMetres(), batch.route().method(), String.join(" ", batch.route().stops()));
        }
    }

    private static BatchPlan await(CompletableFuture<BatchPlan> result) {
        try {
            return result.get(1, TimeUnit.HOURS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof PickingException invalid ? invalid : new PickingException("batching failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PickingException("interrupted while batching", interrupted);
        } catch (TimeoutException late) {
            throw new PickingException("batching did not finish within an hour", late);
        }
    }
}
