package io.stowage.carriers.spi;

import java.util.Arrays;

/** Outer dimensions of a parcel in millimetres. */
public record Dimensions(int lengthMm, int widthMm, int heightMm) {

    public Dimensions {
        if (lengthMm <= 0 || widthMm <= 0 || heightMm <= 0) {
            throw new IllegalArgumentException("dimensions must be positive, got " + lengthMm + "x" + widthMm + "x" + heightMm + " mm");
        }
    }

    public long volumeMm3() {
        return (long) lengthMm * widthMm * heightMm;
    }

    /** The same box with its sides ordered longest first, so limits can be compared side by side. */
    public Dimensions sortedLongestFirst() {
        int[] sides = {lengthMm, widthMm, heightMm};
        Arrays.sort(sides);
        return new Dimensions(sides[2], sides[1], sides[0]);
    }

    /** Longest side plus girth (twice the two other sides), the size measure most carriers limit. */
    public int lengthPlusGirthMm() {
        Dimensions sorted = sortedLongestFirst();
        return sorted.lengthMm + 2 * (sorted.widthMm + sorted.heightMm);
    }

    /** True when this box fits inside the other one in some orientation. */
    public boolean fitsWithin(Dimensions maximum) {
        Dimensions box = sortedLongestFirst();
        Dimensions max = maximum.sortedLongestFirst();
        return box.lengthMm <= max.lengthMm && box.widthMm <= max.widthMm && box.heightMm <= max.heightMm;
    }

    @Override
    public String toString() {
        return lengthMm + "x" + widthMm + "x" + heightMm + " mm";
    }
}
