package io.stowage.benchmarks.picking;

import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.WarehouseLayout;

import java.time.Duration;

/**
 * Prints routing and batching figures on generated instances (see {@link RoutingBenchmark} and
 * {@link BatchingBenchmark}). Layouts: a single block of 10 aisles with 30 bays a side, and 3 blocks of 12
 * aisles with 12 bays a side each; aisles 3 m apart, 1.3 m bays, 2.5 m cross aisles, depot at the front
 * left corner. Run with
 * {@code mvn -B -q -pl benchmarks exec:java -Dexec.mainClass=io.stowage.benchmarks.picking.PickingBenchmark};
 * add {@code -Dexec.args=routing} or {@code -Dexec.args=batching} for one half only.
 */
public final class PickingBenchmark {

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
        RoutingBenchmark.printHeader();
        for (int lines : new int[] {5, 10, 20, 40, 60}) {
            RoutingBenchmark.run("single-block", singleBlock, lines, lines <= 20 ? 200 : 100, false);
        }
        for (int lines : new int[] {5, 10, 15}) {
            RoutingBenchmark.run("three-blocks", threeBlocks, lines, 100, false);
        }
        for (int lines : new int[] {20, 40, 60}) {
            RoutingBenchmark.run("three-blocks", threeBlocks, lines, 30, true);
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
