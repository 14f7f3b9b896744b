package io.stowage.picking.routing;

import io.stowage.picking.layout.WarehouseLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame of Roodbergen and de Koster's (2001) multi-block heuristics, shared by their S-shape and largest
 * gap. Blocks are numbered from the depot; the farthest block is the one farthest from it that holds picks.
 * <ol>
 *   <li>From the depot to the front of the left-most aisle with picks, and up that aisle to the front cross
 *   aisle of the farthest block, picking the aisle's picks in the blocks passed.</li>
 *   <li>In the farthest block, along its front cross aisle to its left-most sub-aisle with picks: traversed to
 *   the block's back when the block has other sub-aisles with picks, otherwise entered and left from the
 *   front.</li>
 *   <li>Then block by block towards the depot, starting with the farthest one if it still has picks: the
 *   picker comes in through the block's back cross aisle and leaves through its front one; the heuristic
 *   decides how its remaining sub-aisles are visited ({@link #visitFromBack}). A block without remaining picks
 *   is crossed down the aisle the picker is in.</li>
 *   <li>Back to the depot.</li>
 * </ol>
 * Given the whole layout as one block, it is the classic single-block heuristic. Every leg is a shortest walking
 * path ({@link WaypointWalk}). An instance builds one route.
 */
abstract class BlockwiseHeuristic {

    protected final WarehouseLayout layout;
    /** Waypoints walked from the depot before heading for the left-most pick aisle. */
    protected final WaypointWalk setOff;
    /** Waypoints from the left-most pick aisle's front onwards. */
    protected final WaypointWalk walk;

    protected BlockwiseHeuristic(WarehouseLayout layout) {
        this.layout = layout;
        this.setOff = new WaypointWalk(layout);
        this.walk = new WaypointWalk(layout);
    }

    /** The route through the picks of these blocks, listed from the depot's side. */
    final NodeTour route(List<PickBlock> blocks) {
        int farthest = blocks.size() - 1;
        while (farthest >= 0 && !blocks.get(farthest).hasPicks()) {
            farthest--;
        }
        if (farthest < 0) {
            return new NodeTour(new int[0], 0);
        }
        List<List<AislePicks>> remaining = new ArrayList<>(blocks.size());
        int leftAisle = Integer.MAX_VALUE;
        for (PickBlock block : blocks) {
            remaining.add(new ArrayList<>(block.subAisles()));
            if (block.hasPicks()) {
                leftAisle = Math.min(leftAisle, block.subAisles().get(0).aisle());
            }
        }

        walk.at(leftAisle, blocks.get(0).frontCrossAisle());
        for (int block = 0; block < farthest; block++) {
            List<AislePicks> inBlock = remaining.get(block);
            if (!inBlock.isEmpty() && inBlock.get(0).aisle() == leftAisle) {
                walk.picks(inBlock.remove(0).nodesFromFront());
            }
        }
        walk.at(leftAisle, blocks.get(farthest).frontCrossAisle());

        List<AislePicks> inFarthest = remaining.get(farthest);
        AislePicks first = inFarthest.remove(0);
        walk.front(first).picks(first.nodesFromFront());
        int block = farthest;
        if (inFarthest.isEmpty()) {
            walk.front(first);
            block--;
        } else {
            walk.back(first);
        }

        int aisle = first.aisle();
        for (; block >= 0; block--) {
            List<AislePicks> inBlock = remaining.get(block);
            if (inBlock.isEmpty()) {
                walk.at(aisle, blocks.get(block).frontCrossAisle());
            } else {
                aisle = visitFromBack(inBlock, aisle, block == 0);
            }
        }
        return setOff.followedBy(walk).tour();
    }

    /**
     * Visits a block's remaining sub-aisles, starting on the block's back cross aisle and ending on its front
     * cross aisle.
     *
     * @param subAisles    the block's sub-aisles with picks still to visit, at least one, left to right
     * @param aisle        the aisle where the picker stands on the block's back cross aisle
     * @param nearestDepot whether this is the block next to the depot, the last one visited
     * @return the aisle where the picker leaves the block
     */
    protected abstract int visitFromBack(List<AislePicks> subAisles, int aisle, boolean nearestDepot);

    /** Walking distance along a cross aisle between two aisles. */
    protected double across(int aisle, int otherAisle) {
        return Math.abs(layout.aisleX(aisle) - layout.aisleX(otherAisle));
    }
}
