package io.stowage.api.boxes;

import java.util.List;

/** Units put together in one box of the cartonization. */
record PackedCarton(CandidateBox box, List<Item> items) {

    PackedCarton {
        items = List.copyOf(items);
    }

    /** Whether {@code box} can take all of {@code items}: each fits in some rotation, and volume and weight stay within the box's limits. */
    static boolean fits(CandidateBox box, List<Item> items) {
        Sides inner = box.inner();
        long volume = 0;
        long weight = 0;
        for (Item item : items) {
            if (!item.sides().fitsWithin(inner)) {
                return false;
            }
            volume += item.volume();
            weight += item.weight();
        }
        return box.holdsVolume(volume) && box.holdsWeight(weight);
    }
}
