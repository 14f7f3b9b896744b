package io.stowage.api.boxes;

import io.stowage.api.Published;

/**
 * A box type as packing sees it when a packer scans a box: its inner size, tare, the most the packed
 * carton may weigh (tare included) and its cost. {@code shared} is true for the 3PL's boxes, offered
 * to every merchant; {@code active} is false once retired.
 */
@Published
public record BoxType(String code, String name, boolean shared, int innerLengthMm, int innerWidthMm, int innerHeightMm,
                      int tareGrams, int maxWeightGrams, int maxFillPercent, long costMinor, String currency, boolean active) {

    CandidateBox candidate() {
        return new CandidateBox(code, innerLengthMm, innerWidthMm, innerHeightMm, tareGrams, maxWeightGrams, maxFillPercent,
                costMinor, currency);
    }
}
