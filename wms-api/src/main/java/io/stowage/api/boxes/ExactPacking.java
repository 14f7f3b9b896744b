package io.stowage.api.boxes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cheapest packing of a few units, found exactly: for every subset of the units the cheapest box
 * that holds it, then the cheapest split of the whole set into such subsets (a dynamic programme over
 * subsets, 3^n steps). Meant for up to {@link #MAX_UNITS} units; larger orders go to {@link GreedyPacking}.
 */
final class ExactPacking {

    static final int MAX_UNITS = 12;

    private ExactPacking() {
    }

    static Optional<Packing> pack(List<Item> items, List<CandidateBox> boxes) {
        int n = items.size();
        if (n > MAX_UNITS) {
            throw new IllegalArgumentException("exact packing is for at most " + MAX_UNITS + " units, not " + n);
        }
        if (n == 0) {
            return Optional.of(Packing.EMPTY);
        }
        int all = (1 << n) - 1;
        CandidateBox[] cheapestBox = cheapestBoxPerSubset(items, boxes);
        // The cheapest box's cost and volume per subset, unboxed: the loop below reads them 3^n times.
        long[] boxCost = new long[all + 1];
        long[] boxVolume = new long[all + 1];
        for (int mask = 1; mask <= all; mask++) {
            if (cheapestBox[mask] != null) {
                boxCost[mask] = cheapestBox[mask].costMinor();
                boxVolume[mask] = cheapestBox[mask].innerVolume();
            }
        }
        // best[mask]: the cheapest packing of the units in mask, compared as Packing.CHEAPEST compares (cost, cartons, volume).
        long[] cost = new long[all + 1];
        int[] cartons = new int[all + 1];
        long[] volume = new long[all + 1];
        int[] firstCarton = new int[all + 1];
        boolean[] packable = new boolean[all + 1];
        packable[0] = true;
        for (int mask = 1; mask <= all; mask++) {
            int lowest = mask & -mask;
            int rest = mask ^ lowest;
            // Every subset of mask that holds its lowest unit, as that unit's carton.
            for (int sub = rest; ; sub = (sub - 1) & rest) {
                int carton = sub | lowest;
                int remainder = mask ^ carton;
                if (cheapestBox[carton] != null && packable[remainder]) {
                    long c = boxCost[carton] + cost[remainder];
                    int k = 1 + cartons[remainder];
                    long v = boxVolume[carton] + volume[remainder];
                    if (!packable[mask] || c < cost[mask] || (c == cost[mask] && (k < cartons[mask] || (k == cartons[mask] && v < volume[mask])))) {
                        packable[mask] = true;
                        cost[mask] = c;
                        cartons[mask] = k;
                        volume[mask] = v;
                        firstCarton[mask] = carton;
                    }
                }
                if (sub == 0) {
                    break;
                }
            }
        }
        if (!packable[all]) {
            return Optional.empty();
        }
        List<PackedCarton> packed = new ArrayList<>();
        for (int mask = all; mask != 0; mask ^= firstCarton[mask]) {
            packed.add(new PackedCarton(cheapestBox[firstCarton[mask]], members(items, firstCarton[mask])));
        }
        return Optional.of(new Packing(packed));
    }

    /** For each subset (a bit mask over {@code items}), the cheapest box that holds it (the smaller on a tie), or null. */
    private static CandidateBox[] cheapestBoxPerSubset(List<Item> items, List<CandidateBox> boxes) {
        int n = items.size();
        int all = (1 << n) - 1;
        long[] volume = new long[all + 1];
        long[] weight = new long[all + 1];
        for (int mask = 1; mask <= all; mask++) {
            int bit = Integer.numberOfTrailingZeros(mask);
            volume[mask] = volume[mask & (mask - 1)] + items.get(bit).volume();
            weight[mask] = weight[mask & (mask - 1)] + items.get(bit).weight();
        }
        CandidateBox[] cheapest = new CandidateBox[all + 1];
        for (CandidateBox box : boxes) {
            int fitting = 0;
            Sides inner = box.inner();
            for (int i = 0; i < n; i++) {
                if (items.get(i).sides().fitsWithin(inner)) {
                    fitting |= 1 << i;
                }
            }
            for (int mask = fitting; mask != 0; mask = (mask - 1) & fitting) {
                if (box.holdsVolume(volume[mask]) && box.holdsWeight(weight[mask]) && better(box, cheapest[mask])) {
                    cheapest[mask] = box;
                }
            }
        }
        return cheapest;
    }

    private static boolean better(CandidateBox box, CandidateBox current) {
        if (current == null) {
            return true;
        }
        if (box.costMinor() != current.costMinor()) {
            return box.costMinor() < current.costMinor();
        }
        if (box.innerVolume() != current.innerVolume()) {
            return box.innerVolume() < current.innerVolume();
        }
        return box.code().compareTo(current.code()) < 0;
    }

    private static List<Item> members(List<Item> items, int mask) {
        List<Item> members = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                members.add(items.get(i));
            }
        }
        return members;
    }
}
