package io.stowage.api.boxes;

import java.util.List;

/** Units put together in one box of the cartonization. */
record PackedCarton(CandidateBox box, List<Item> items) {

    PackedCarton {
        items = List.copyOf(items);
    }

    /** Why {@code box} cannot take all of {@code items}, in words for the packer; empty when it can. */
    static java.util.Optional<String> whyNot(CandidateBox box, List<Item> items) {
        Sides inner = box.inner();
        for (Item item : items) {
            if (!item.sides().fitsWithin(inner)) {
                Sides unit = item.sides();
                return java.util.Optional.of("unit " + (item.index() + 1) + " (" + unit.longest() + " x " + unit.middle() + " x " + unit.shortest()
                        + " mm) does not fit in box " + box.code() + " (" + inner.longest() + " x " + inner.middle() + " x " + inner.shortest()
                        + " mm inside) however it is turned");
            }
        }
        long volume = items.stream().mapToLong(Item::volume).sum();
        if (!box.holdsVolume(volume)) {
            return java.util.Optional.of("the units take " + Math.ceil(volume * 1000.0 / box.innerVolume()) / 10 + "% of box " + box.code()
                    + "'s inner volume, more than its fill limit of " + box.maxFillPercent() + "%");
        }
        long weight = items.stream().mapToLong(Item::weight).sum();
        if (!box.holdsWeight(weight)) {
            return java.util.Optional.of("the carton would weigh " + (box.tareGrams() + weight) + " g with the box, more than box "
                    + box.code() + "'s maximum of " + box.maxWeightGrams() + " g");
        }
        return java.util.Optional.empty();
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
