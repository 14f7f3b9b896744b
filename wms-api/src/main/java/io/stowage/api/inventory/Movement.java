package io.stowage.api.inventory;

import io.stowage.api.Published;
import java.util.UUID;

/**
 * One change of stock as the ledger records it. Units leave {@code from} (location and status) and
 * arrive at {@code to}; a receipt has no {@code from}, a write-off no {@code to}.
 */
@Published
public record Movement(
        UUID merchantId,
        UUID nodeId,
        UUID variantId,
        UUID lotId,
        MovementKind kind,
        int quantity,
        UUID fromLocationId,
        StockStatus fromStatus,
        UUID toLocationId,
        StockStatus toStatus,
        String reason,
        String referenceType,
        String referenceId,
        String actor,
        String deviceId) {

    public Movement {
        if (quantity <= 0) {
            throw new IllegalArgumentException("A movement moves at least one unit");
        }
        if (fromLocationId == null && toLocationId == null) {
            throw new IllegalArgumentException("A movement has a source, a destination or both");
        }
    }

    /** Change in sellable units at the node: what stores are told and orders reserve against. */
    int sellableDelta() {
        int delta = 0;
        if (toLocationId != null && toStatus.sellable()) {
            delta += quantity;
        }
        if (fromLocationId != null && fromStatus.sellable()) {
            delta -= quantity;
        }
        return delta;
    }
}
