package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The picks in one stretch of an aisle between two cross aisles, sorted from the front. The stretch is either
 * the aisle at full depth, from the front to the back cross aisle, as the classic single-block heuristics see
 * it, or one block's sub-aisle, between the cross aisles in front of and behind that block.
 *
 * @param aisle           left-to-right aisle index
 * @param frontCrossAisle index of the cross aisle at the stretch's front end
 * @param backCrossAisle  index of the cross aisle at the stretch's back end
 */
record AislePicks(int aisle, int frontCrossAisle, int backCrossAisle, int[] nodesFromFront) {

    /** Full-depth aisles with picks, left to right. */
    static List<AislePicks> of(WarehouseLayout layout, int[] nodes) {
        return of(layout, nodes, 0, layout.crossAisleCount() - 1);
    }

    /** The stretches between these two cross aisles that hold some of the nodes, left to right. */
    static List<AislePicks> of(WarehouseLayout layout, int[] nodes, int frontCrossAisle, int backCrossAisle) {
        TreeMap<Integer, List<Integer>> byAisle = new TreeMap<>();
        for (int node : nodes) {
            byAisle.computeIfAbsent(layout.aisleIndexOf(node), aisle -> new ArrayList<>()).add(node);
        }
        List<AislePicks> result = new ArrayList<>(byAisle.size());
        byAisle.forEach((aisle, inAisle) -> result.add(new AislePicks(aisle, frontCrossAisle, backCrossAisle,
                inAisle.stream().sorted(Comparator.comparingDouble(layout::yOf)).mapToInt(Integer::intValue).toArray())));
        return result;
    }

    /**
     * Where the largest of the stretch's gaps is (front cross aisle to first pick, between picks, last pick to
     * back cross aisle): the number of picks below it. 0 means every pick is reached from the back; ties go to
     * the gap nearest the front.
     */
    int picksBelowLargestGap(WarehouseLayout layout) {
        double previousY = layout.crossAisleY(frontCrossAisle);
        double largest = -1;
        int below = 0;
        for (int i = 0; i <= nodesFromFront.length; i++) {
            double y = i < nodesFromFront.length ? layout.yOf(nodesFromFront[i]) : layout.crossAisleY(backCrossAisle);
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
