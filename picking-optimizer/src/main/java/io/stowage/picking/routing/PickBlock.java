package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * The picks of one block: the aisles' stretches between two cross aisles, with their picks, left to right.
 *
 * @param frontCrossAisle index of the cross aisle in front of the block (nearer the depot)
 * @param backCrossAisle  index of the cross aisle behind it
 */
record PickBlock(int frontCrossAisle, int backCrossAisle, List<AislePicks> subAisles) {

    PickBlock {
        subAisles = List.copyOf(subAisles);
    }

    /**
     * One block between every two neighbouring cross aisles, front first, blocks without picks included. A pick
     * standing exactly on a middle cross aisle belongs to the block behind it.
     */
    static List<PickBlock> ofLayout(WarehouseLayout layout, int[] nodes) {
        int blockCount = layout.crossAisleCount() - 1;
        List<List<Integer>> nodesByBlock = new ArrayList<>();
        for (int block = 0; block < blockCount; block++) {
            nodesByBlock.add(new ArrayList<>());
        }
        for (int node : nodes) {
            int block = 0;
            while (block + 1 < blockCount && layout.yOf(node) >= layout.crossAisleY(block + 1)) {
                block++;
            }
            nodesByBlock.get(block).add(node);
        }
        List<PickBlock> blocks = new ArrayList<>(blockCount);
        for (int block = 0; block < blockCount; block++) {
            int[] inBlock = nodesByBlock.get(block).stream().mapToInt(Integer::intValue).toArray();
            blocks.add(new PickBlock(block, block + 1, AislePicks.of(layout, inBlock, block, block + 1)));
        }
        return blocks;
    }

    /** The whole layout as one block with full-depth aisles, ignoring middle cross aisles. */
    static List<PickBlock> wholeDepth(WarehouseLayout layout, int[] nodes) {
        return List.of(new PickBlock(0, layout.crossAisleCount() - 1, AislePicks.of(layout, nodes)));
    }

    boolean hasPicks() {
        return !subAisles.isEmpty();
    }
}
