package io.stowage.picking.routing;

import io.stowage.picking.layout.LayoutLocation;
import io.stowage.picking.layout.WarehouseLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random pick lists and a brute-force optimum for checking the routers. */
final class RandomPickLists {

    private RandomPickLists() {
    }

    static List<String> draw(WarehouseLayout layout, int size, Random random) {
        List<LayoutLocation> all = new ArrayList<>(layout.locations());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            codes.add(all.get(random.nextInt(all.size())).code());
        }
        return codes;
    }

    static int[] distinctNodes(WarehouseLayout layout, List<String> codes) {
        return codes.stream().mapToInt(layout::nodeOf).distinct().toArray();
    }

    /** Tries every visiting order of a round trip from the depot. */
    static double bruteForce(WarehouseLayout layout, int[] nodes) {
        return bruteForceFrom(layout, WarehouseLayout.DEPOT, nodes);
    }

    /** Tries every visiting order of a walk from {@code start} through the nodes to the depot. */
    static double bruteForceFrom(WarehouseLayout layout, int start, int[] nodes) {
        return permute(layout, start, nodes.clone(), 0);
    }

    private static double permute(WarehouseLayout layout, int start, int[] nodes, int from) {
        if (from == nodes.length) {
            return OnwardWalk.length(layout, start, nodes);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = from; i < nodes.length; i++) {
            swap(nodes, from, i);
            best = Math.min(best, permute(layout, start, nodes, from + 1));
            swap(nodes, from, i);
        }
        return best;
    }

    private static void swap(int[] values, int i, int j) {
        int swap = values[i];
        values[i] = values[j];
        values[j] = swap;
    }
}
