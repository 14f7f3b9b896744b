package io.stowage.api.boxes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Packing for orders too large for {@link ExactPacking}: first-fit decreasing (largest units first,
 * each into the first open carton that still takes it), tried once per box type as the carton to
 * open, then each carton shrunk to the cheapest box that holds what ended up in it. Not always the
 * cheapest possible, but never a carton that breaks a box's limits.
 */
final class GreedyPacking {

    private static final Comparator<Item> LARGEST_FIRST = Comparator.comparingLong(Item::volume).reversed()
            .thenComparing(Comparator.comparingInt(Item::weight).reversed())
            .thenComparingInt(Item::index);

    private GreedyPacking() {
    }

    /** The cheapest of the first-fit packings, one per box type opened by preference; empty when some unit fits no box. */
    static Optional<Packing> pack(List<Item> items, List<CandidateBox> boxes) {
        Packing best = null;
        for (CandidateBox preferred : boxes) {
            Optional<Packing> packing = firstFit(items, preferred, boxes);
            if (packing.isPresent()) {
                Packing shrunk = shrink(packing.get(), boxes);
                if (best == null || Packing.CHEAPEST.compare(shrunk, best) < 0) {
                    best = shrunk;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The units in boxes of this one type only; empty when some unit does not fit it alone. */
    static Optional<Packing> packOnly(List<Item> items, CandidateBox box) {
        return firstFit(items, box, List.of(box));
    }

    /**
     * First-fit decreasing; a new carton is a {@code preferred} box when the unit fits one alone, else the
     * largest of {@code boxes} that takes it, so units that need a bigger box still find one.
     */
    private static Optional<Packing> firstFit(List<Item> items, CandidateBox preferred, List<CandidateBox> boxes) {
        List<OpenCarton> open = new ArrayList<>();
        for (Item item : items.stream().sorted(LARGEST_FIRST).toList()) {
            OpenCarton target = null;
            for (OpenCarton carton : open) {
                if (carton.takes(item)) {
                    target = carton;
                    break;
                }
            }
            if (target == null) {
                Optional<CandidateBox> box = PackedCarton.fits(preferred, List.of(item)) ? Optional.of(preferred)
                        : boxes.stream().filter(candidate -> PackedCarton.fits(candidate, List.of(item)))
                                .max(Comparator.comparingLong(CandidateBox::innerVolume));
                if (box.isEmpty()) {
                    return Optional.empty();
                }
                target = new OpenCarton(box.get());
                open.add(target);
            }
            target.add(item);
        }
        return Optional.of(new Packing(open.stream().map(carton -> new PackedCarton(carton.box, carton.items)).toList()));
    }

    /** A carton being filled, with its running volume and weight, so that a large order is not re-added for every unit. */
    private static final class OpenCarton {
        final CandidateBox box;
        final List<Item> items = new ArrayList<>();
        long volume;
        long weight;

        OpenCarton(CandidateBox box) {
            this.box = box;
        }

        /** The same rule as {@link PackedCarton#fits}, for the contents plus one unit. */
        boolean takes(Item item) {
            return item.sides().fitsWithin(box.inner()) && box.holdsVolume(volume + item.volume()) && box.holdsWeight(weight + item.weight());
        }

        void add(Item item) {
            items.add(item);
            volume += item.volume();
            weight += item.weight();
        }
    }

    private static Packing shrink(Packing packing, List<CandidateBox> boxes) {
        return new Packing(packing.cartons().stream()
                .map(carton -> new PackedCarton(boxes.stream()
                        .filter(box -> PackedCarton.fits(box, carton.items()))
                        .min(Comparator.comparingLong(CandidateBox::costMinor).thenComparingLong(CandidateBox::innerVolume))
                        .orElse(carton.box()), carton.items()))
                .toList());
    }
}
