package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Roodbergen and de Koster's (2001) multi-block largest gap: in each block, coming in from its back, the last
 * sub-aisle is whichever of the block's left-most and right-most sub-aisles with picks is farther from the
 * picker. Along the back cross aisle towards it, every other sub-aisle is entered from the back up to its
 * largest gap (the largest of the distances between the block's cross aisles and the picks, and between
 * neighbouring picks); the last sub-aisle is traversed to the front; along the front cross aisle away from it,
 * the other sub-aisles are entered from the front up to their largest gap. Ties go to the right.
 *
 * <p>One refinement of the single-block heuristic is kept: in the block next to the depot, the front parts of
 * sub-aisles left of the depot are picked on the way out, while walking from the depot to the left-most pick
 * aisle, rather than on the way home.
 */
final class BlockwiseLargestGap extends BlockwiseHeuristic {

    BlockwiseLargestGap(WarehouseLayout layout) {
        super(layout);
    }

    @Override
    protected int visitFromBack(List<AislePicks> subAisles, int aisle, boolean nearestDepot) {
        List<AislePicks> towardsLast = new ArrayList<>(subAisles);
        if (across(aisle, towardsLast.get(0).aisle()) > across(aisle, towardsLast.get(towardsLast.size() - 1).aisle())) {
            Collections.reverse(towardsLast);
        }
        AislePicks last = towardsLast.remove(towardsLast.size() - 1);
        for (AislePicks subAisle : towardsLast) {
            int[] above = subAisle.aboveFromBack(subAisle.picksBelowLargestGap(layout));
            if (above.length > 0) {
                walk.back(subAisle).picks(above).back(subAisle);
            }
        }
        walk.back(last).picks(last.fromBack()).front(last);

        int leaving = last.aisle();
        List<AislePicks> onTheWayOut = new ArrayList<>();
        for (int i = towardsLast.size() - 1; i >= 0; i--) {
            AislePicks subAisle = towardsLast.get(i);
            int[] below = subAisle.below(subAisle.picksBelowLargestGap(layout));
            if (below.length == 0) {
                continue;
            }
            if (nearestDepot && layout.aisleX(subAisle.aisle()) < layout.depotX()) {
                onTheWayOut.add(subAisle);
            } else {
                walk.front(subAisle).picks(below).front(subAisle);
                leaving = subAisle.aisle();
            }
        }
        // walking from the depot leftwards, so right to left
        onTheWayOut.sort(Comparator.comparingInt(AislePicks::aisle).reversed());
        for (AislePicks subAisle : onTheWayOut) {
            setOff.front(subAisle).picks(subAisle.below(subAisle.picksBelowLargestGap(layout))).front(subAisle);
        }
        return leaving;
    }
}
