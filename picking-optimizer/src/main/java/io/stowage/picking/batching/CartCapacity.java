package io.stowage.picking.batching;

import io.stowage.picking.PickingException;

/** What one picking cart carries: totes, cubic centimetres and grams. */
public record CartCapacity(int totes, long volumeCm3, long weightGrams) {

    public CartCapacity {
        if (totes < 1 || volumeCm3 < 1 || weightGrams < 1) {
            throw new PickingException("a cart must carry at least one tote, some volume and some weight");
        }
    }

    boolean fits(int usedTotes, long usedVolume, long usedWeight) {
        return usedTotes <= totes && usedVolume <= volumeCm3 && usedWeight <= weightGrams;
    }

    boolean fits(OrderToBatch order) {
        return fits(order.totes(), order.volumeCm3(), order.weightGrams());
    }
}
