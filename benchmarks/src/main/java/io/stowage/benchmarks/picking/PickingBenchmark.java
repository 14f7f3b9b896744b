package io.stowage.benchmarks.picking;

import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.WarehouseLayout;

import java.time.Duration;

/**
 * Prints routing and batching figures on generated instances (see {@link RoutingBenchmark} and
 * {@link BatchingBenchmark}). Layouts: a single block of 10 aisles with 30 bays a side, and 12 aisles of 36
 * bays a side split into 3 blocks of 12 bays or (routing only) 2 blocks of 18; aisles 3 m apart, 1.3 m bays,
 * 2.5 m cross aisles, depot at the front left corner. The routing half takes about ten minutes on two cores,
 * most of it CP-SAT proving the optima of the longer multi-block pick lists. Run with
 * {@code mvn -B -q -pl benchmarks exec:java -Dexec.mainClass=io.stowage.benchmarks.picking.PickingBenchmark};
 * add {@code -Dexec.args=routing} or {@code -Dexec.args=batching} for one half only.
 */
public final class PickingBenchmark {

    /** CP-SAT's time per pick list; a list it has not proven optimal by then is counted as not proven. */
    private static final Duration CP_SAT_LIMIT_PER_LIST = Duration.ofSeconds(20);

    private PickingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        WarehouseLayout singleBlock = new GridWarehouse(10, 1, 30, 1.3, 3.0, 2.5, 0.0).build();
        WarehouseLayout threeBlocks = new GridWarehouse(12, 3, 12, 1.3, 3.0, 2.5, 0.0).build();
        System.out.printf("Java %s, %d cores%n%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        boolean routing = args.length == 0 || args[0].equals("routing");
        boolean batching = args.length == 0 || args[0].equals("batching");
        if (routing) {
            runRouting(singleBlock, threeBlocks);
        }
        if (batching) {
            runBatching(singleBlock, threeBlocks);
        }
    }

    private static void runRouting(WarehouseLayout singleBlock, WarehouseLayout threeBlocks) {
        WarehouseLayout twoBlocks = new GridWarehouse(12, 2, 18, 1.3, 3.0, 2.5, 0.0).build();
        RoutingBenchmark benchmark = new RoutingBenchmark(
                new ReferenceOptimum(new CpSatTourSolver(CP_SAT_LIMIT_PER_LIST)));
        RoutingBenchmark.printHeader();
        for (int lines : new int[] {5, 10, 20, 40, 60}) {
            benchmark.run("single-block", singleBlock, lines, lines <= 20 ? 200 : 100, false);
        }
        for (int lines : new int[] {30, 60}) {
            benchmark.run("two-blocks", twoBlocks, lines, 50, false);
        }
        for (int lines : new int[] {5, 10, 15}) {
            benchmark.run("three-blocks", threeBlocks, lines, 100, false);
        }
        for (int lines : new int[] {20, 30, 40, 60}) {
            benchmark.run("three-blocks", threeBlocks, lines, lines == 30 || lines == 60 ? 50 : 30, true);
        }
        System.out.println();
    }

    private static void runBatching(WarehouseLayout singleBlock, WarehouseLayout threeBlocks) throws Exception {
        BatchingBenchmark.printHeader();
        BatchingBenchmark.run("single-block", singleBlock, 200, Duration.ofSeconds(5));
        BatchingBenchmark.run("single-block", singleBlock, 1_000, Duration.ofSeconds(15));
        BatchingBenchmark.run("single-block", singleBlock, 2_000, Duration.ofSeconds(20));
        BatchingBenchmark.run("three-blocks", threeBlocks, 200, Duration.ofSeconds(5));
        BatchingBenchmark.run("three-blocks", threeBlocks, 1_000, Duration.ofSeconds(15));
    }
}
