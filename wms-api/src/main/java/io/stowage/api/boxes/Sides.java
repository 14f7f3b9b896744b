package io.stowage.api.boxes;

/**
 * A cuboid's three sides sorted longest first. Comparing sorted sides pairwise is exactly the test
 * of whether one cuboid fits inside another in some axis-aligned rotation: the longest side must
 * go along the longest inner side, and so on.
 */
record Sides(int longest, int middle, int shortest) {

    static Sides of(int a, int b, int c) {
        int[] sorted = {a, b, c};
        java.util.Arrays.sort(sorted);
        return new Sides(sorted[2], sorted[1], sorted[0]);
    }

    boolean fitsWithin(Sides inner) {
        return longest <= inner.longest && middle <= inner.middle && shortest <= inner.shortest;
    }

    long volume() {
        return (long) longest * middle * shortest;
    }
}
