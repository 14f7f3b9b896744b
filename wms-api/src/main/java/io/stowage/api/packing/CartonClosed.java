package io.stowage.api.packing;

import io.stowage.api.Published;
import java.util.List;
import java.util.UUID;

/**
 * A carton the packer has just closed; handed to every {@link CartonClosedHandler} inside the close
 * transaction. {@code cartonNumber} counts 1, 2, ... within the order ("parcel 1 of 2"); the total is
 * known only when the order is packed ({@code order.packed}). {@code boxTypeCode} is the box type used
 * (a {@code boxes} code), or null when the item ships in its own packaging. Lot keys are the ledger's
 * ({@code StockLedger.NO_LOT} for variants without lots).
 */
@Published
public record CartonClosed(UUID cartonId, UUID merchantId, UUID nodeId, UUID orderId, String orderNumber,
                           int cartonNumber, String boxTypeCode, int lengthMm, int widthMm, int heightMm, int weightGrams,
                           String packerName, List<Line> lines) {

    public CartonClosed {
        lines = List.copyOf(lines);
    }

    /** Units of one order line (and lot) in the carton. */
    public record Line(int lineNo, UUID variantId, String sku, UUID lotKey, int quantity) {
    }
}
