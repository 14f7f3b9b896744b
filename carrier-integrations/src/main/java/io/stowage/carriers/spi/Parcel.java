package io.stowage.carriers.spi;

import java.util.Objects;

/** A packed carton as carriers see it: actual weight in grams and outer dimensions. */
public record Parcel(int weightGrams, Dimensions dimensions) {

    public Parcel {
        Objects.requireNonNull(dimensions, "dimensions");
        if (weightGrams <= 0) {
            throw new IllegalArgumentException("parcel weight must be positive, got " + weightGrams + " g");
        }
    }

    public static Parcel of(int weightGrams, int lengthMm, int widthMm, int heightMm) {
        return new Parcel(weightGrams, new Dimensions(lengthMm, widthMm, heightMm));
    }

    @Override
    public String toString() {
        return weightGrams + " g, " + dimensions;
    }
}
