package io.stowage.api.boxes;

/**
 * A box type as the cartonization sees it. {@code maxWeightGrams} is the most the packed carton may
 * weigh, tare included (what the scale and the carrier see); {@code maxFillPercent} is how much of
 * the inner volume the units may take, the rest being room for the real shapes and the padding.
 * The sorted sides and the volume are worked out once: the search asks for them millions of times.
 */
record CandidateBox(String code, int lengthMm, int widthMm, int heightMm, int tareGrams, int maxWeightGrams,
                    int maxFillPercent, long costMinor, String currency, Sides inner, long innerVolume) {

    CandidateBox(String code, int lengthMm, int widthMm, int heightMm, int tareGrams, int maxWeightGrams, int maxFillPercent,
                 long costMinor, String currency) {
        this(code, lengthMm, widthMm, heightMm, tareGrams, maxWeightGrams, maxFillPercent, costMinor, currency,
                Sides.of(lengthMm, widthMm, heightMm), Sides.of(lengthMm, widthMm, heightMm).volume());
    }

    /** Whether units of this total volume stay within the fill limit: volume <= fill% of the inner volume. */
    boolean holdsVolume(long unitsVolume) {
        return unitsVolume * 100 <= innerVolume * maxFillPercent;
    }

    boolean holdsWeight(long unitsWeight) {
        return tareGrams + unitsWeight <= maxWeightGrams;
    }
}
