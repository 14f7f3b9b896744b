package io.stowage.api.boxes;

import io.stowage.api.Published;
import java.util.List;
import java.util.UUID;

/**
 * A box type as the API shows it, with the packaging stock of each node that counts it ({@code on_hand}
 * below zero means more boxes were used than the count knew of: time to count again).
 */
@Published
public record BoxTypeView(String code, String name, boolean shared, int innerLengthMm, int innerWidthMm, int innerHeightMm, int tareGrams,
                   int maxWeightGrams, int maxFillPercent, long costMinor, String currency, boolean active, List<NodeStock> stock) {

    public record NodeStock(UUID nodeId, String nodeCode, int onHand) {
    }

    static BoxTypeView of(BoxType type, List<NodeStock> stock) {
        return new BoxTypeView(type.code(), type.name(), type.shared(), type.innerLengthMm(), type.innerWidthMm(), type.innerHeightMm(),
                type.tareGrams(), type.maxWeightGrams(), type.maxFillPercent(), type.costMinor(), type.currency(), type.active(), stock);
    }
}
