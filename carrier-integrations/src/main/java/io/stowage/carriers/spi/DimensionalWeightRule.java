package io.stowage.carriers.spi;

/**
 * How a carrier turns volume into weight: cm³ per kg (5000 for most couriers, 6000 for many posts),
 * and the step billable weight is rounded up to (100 g, 500 g, 1 kg...).
 */
public record DimensionalWeightRule(int divisorCm3PerKg, int roundUpToGrams) {

    public DimensionalWeightRule {
        if (divisorCm3PerKg <= 0 || roundUpToGrams <= 0) {
            throw new IllegalArgumentException("divisor and rounding step must be positive");
        }
    }

    /** Billable weight: the greater of actual and dimensional weight, rounded up to the carrier's step. */
    public BillableWeight billableWeight(Parcel parcel) {
        // grams = cm³ * 1000 / divisor = mm³ / divisor; integer ceiling keeps a fraction of a gram billable.
        long dimensionalGrams = ceilDiv(parcel.dimensions().volumeMm3(), divisorCm3PerKg);
        long heavier = Math.max(parcel.weightGrams(), dimensionalGrams);
        long billable = ceilDiv(heavier, roundUpToGrams) * roundUpToGrams;
        return new BillableWeight(parcel.weightGrams(), Math.toIntExact(dimensionalGrams), Math.toIntExact(billable));
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
