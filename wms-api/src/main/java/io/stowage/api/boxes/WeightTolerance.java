package io.stowage.api.boxes;

/**
 * How far a carton's measured weight may be from the expected one: a share of the expected weight,
 * but never less than a floor, since scales and catalog weights are each off by a few grams even for
 * a light parcel.
 */
record WeightTolerance(int percent, int minimumGrams) {

    WeightTolerance {
        if (percent < 0 || minimumGrams < 0) {
            throw new IllegalArgumentException("a weight tolerance is not negative: " + percent + "%, " + minimumGrams + " g");
        }
    }

    WeightCheck check(int expectedGrams, int measuredGrams) {
        int tolerance = (int) Math.max(minimumGrams, ((long) expectedGrams * percent + 99) / 100);
        return new WeightCheck(expectedGrams, measuredGrams, tolerance, Math.abs((long) measuredGrams - expectedGrams) <= tolerance);
    }
}
