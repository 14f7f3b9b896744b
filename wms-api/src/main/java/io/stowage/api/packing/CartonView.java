package io.stowage.api.packing;

import io.stowage.api.Published;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A carton as readers see it: whose, which order and parcel number, where it stands ({@code open},
 * {@code recheck}, {@code closed}), the box and weight once known, and the units in it.
 */
@Published
public record CartonView(UUID id, UUID merchantId, UUID nodeId, UUID orderId, String orderNumber, UUID sessionId, int cartonNumber,
                         String status, String boxTypeCode, Integer lengthMm, Integer widthMm, Integer heightMm, Integer weightGrams,
                         Integer expectedWeightGrams, String recheckReason, String packerName, OffsetDateTime openedAt,
                         OffsetDateTime closedAt, List<Line> lines) {

    public CartonView {
        lines = List.copyOf(lines);
    }

    /** Units of one order line (and lot) in the carton; {@code lotNumber} is null for variants without lots. */
    public record Line(int lineNo, UUID variantId, String sku, UUID lotKey, String lotNumber, int quantity) {
    }

    public boolean isClosed() {
        return "closed".equals(status);
    }
}
