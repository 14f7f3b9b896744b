package io.stowage.api.dayplan;

import io.stowage.carriers.spi.Parcel;
import java.util.Arrays;
import java.util.List;

/**
 * An order's parcel as the day plan sees it before anything is packed: the units' catalog weights
 * plus packaging, and a box that holds the units laid side by side on their largest faces (longest
 * side and widest width of any unit, their smallest sides stacked), plus padding. Packing later
 * chooses the real carton; shipping quotes that one at close. A variant without a size or weight in
 * the catalog counts as a small item ({@link #UNKNOWN_SIDE_MM}, {@link #UNKNOWN_WEIGHT_G}), and the
 * estimate says so.
 */
record ParcelEstimate(int weightGrams, int lengthMm, int widthMm, int heightMm, boolean guessed) {

    /** One unit of a variant: its size and weight, null where the catalog has none. */
    record Unit(Integer weightG, Integer lengthMm, Integer widthMm, Integer heightMm, int quantity) {
    }

    static final int UNKNOWN_SIDE_MM = 150;
    static final int UNKNOWN_WEIGHT_G = 500;
    /** A carton's cardboard and filling. */
    static final int PACKAGING_G = 150;
    static final int PADDING_MM = 20;

    static ParcelEstimate of(List<Unit> units) {
        long weight = PACKAGING_G;
        int length = 0;
        int width = 0;
        long height = 0;
        boolean guessed = false;
        for (Unit unit : units) {
            boolean sized = unit.lengthMm() != null && unit.widthMm() != null && unit.heightMm() != null;
            guessed |= !sized || unit.weightG() == null;
            int[] sides = sized ? new int[] {unit.lengthMm(), unit.widthMm(), unit.heightMm()}
                    : new int[] {UNKNOWN_SIDE_MM, UNKNOWN_SIDE_MM, UNKNOWN_SIDE_MM};
            Arrays.sort(sides);
            length = Math.max(length, sides[2]);
            width = Math.max(width, sides[1]);
            height += (long) sides[0] * unit.quantity();
            weight += (long) (unit.weightG() == null ? UNKNOWN_WEIGHT_G : unit.weightG()) * unit.quantity();
        }
        int[] box = {length + PADDING_MM, width + PADDING_MM, (int) Math.min(Integer.MAX_VALUE, height + PADDING_MM)};
        Arrays.sort(box);
        return new ParcelEstimate((int) Math.min(Integer.MAX_VALUE, weight), box[2], box[1], box[0], guessed);
    }

    Parcel parcel() {
        return Parcel.of(weightGrams, lengthMm, widthMm, heightMm);
    }
}
