package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Roodbergen and de Koster's (2001) multi-block S-shape: in each block, coming in from its back, the picker
 * goes to whichever of the block's left-most and right-most sub-aisles with picks is closer, and traverses the
 * sub-aisles with picks one after the other from there, alternating direction. The last one is traversed when
 * the picker reaches it from the back, and entered and left from the front otherwise, so that the block is
 * always left through its front cross aisle.
 */
final class BlockwiseSShape extends BlockwiseHeuristic {

    BlockwiseSShape(WarehouseLayout layout) {
        super(layout);
    }

    @Override
    protected int visitFromBack(List<AislePicks> subAisles, int aisle, boolean nearestDepot) {
        List<AislePicks> inOrder = new ArrayList<>(subAisles);
        if (across(aisle, inOrder.get(inOrder.size() - 1).aisle()) < across(aisle, inOrder.get(0).aisle())) {
            Collections.reverse(inOrder);
        }
        boolean atBack = true;
        for (int i = 0; i < inOrder.size(); i++) {
            AislePicks subAisle = inOrder.get(i);
            if (atBack) {
                walk.back(subAisle).picks(subAisle.fromBack()).front(subAisle);
            } else if (i == inOrder.size() - 1) {
                walk.front(subAisle).picks(subAisle.nodesFromFront()).front(subAisle);
            } else {
                walk.front(subAisle).picks(subAisle.nodesFromFront()).back(subAisle);
            }
            atBack = !atBack;
        }
        return inOrder.get(inOrder.size() - 1).aisle();
    }
}
