package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Pick nodes grouped by aisle, left to right, each aisle's nodes sorted from the front. Aisles are taken at
 * full depth between the front and the back cross aisle, as the classic single-block heuristics see them.
 */
record AislePicks(int aisle, int[] nodesFromFront) {

    static List<AislePicks> of(WarehouseLayout layout, int[] nodes) {
        TreeMap<Integer, List<Integer>> byAisle = new TreeMap<>();
        for (int node : nodes) {
            byAisle.computeIfAbsent(layout.aisleIndexOf(node), aisle -> new ArrayList<>()).add(node);
        }
        List<AislePicks> result = new ArrayList<>(byAisle.size());
        byAisle.forEach((aisle, inAisle) -> result.add(new AislePicks(aisle, inAisle.stream()
                .sorted(Comparator.comparingDouble(layout::yOf))
                .mapToInt(Integer::intValue).toArray())));
        return result;
    }

    /**
     * Where the largest of the aisle's gaps is (front cross aisle to first pick, between picks, last pick to
     * back cross aisle): the number of picks below it. 0 means every pick is reached from the back.
     */
    int picksBelowLargestGap(WarehouseLayout layout) {
        double previousY = layout.crossAisleY(0);
        double largest = -1;
        int below = 0;
        for (int i = 0; i <= nodesFromFront.length; i++) {
            double y = i < nodesFromFront.length ? layout.yOf(nodesFromFront[i]) : layout.crossAisleY(layout.crossAisleCount() - 1);
            if (y - previousY > largest) {
                largest = y - previousY;
                below = i;
            }
            previousY = y;
        }
        return below;
    }

    int[] fromBack() {
        int[] reversed = new int[nodesFromFront.length];
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = nodesFromFront[nodesFromFront.length - 1 - i];
        }
        return reversed;
    }

    int[] below(int count) {
        return Arrays.copyOfRange(nodesFromFront, 0, count);
    }

    int[] aboveFromBack(int countBelow) {
        int[] above = new int[nodesFromFront.length - countBelow];
        for (int i = 0; i < above.length; i++) {
            above[i] = nodesFromFront[nodesFromFront.length - 1 - i];
        }
        return above;
    }
}
