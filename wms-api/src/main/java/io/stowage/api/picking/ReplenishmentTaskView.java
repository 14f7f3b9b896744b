package io.stowage.api.picking;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Units to bring from a reserve location to a pick face. {@code movedQuantity} is what the worker
 * confirmed moving (less than {@code quantity} when the reserve was short); {@code replacesTaskId}
 * names the short task a follow-up was made for.
 */
record ReplenishmentTaskView(UUID id, String status, UUID waveId, String sku, String lotNumber, String fromLocationCode,
                             String toLocationCode, int quantity, Integer movedQuantity, UUID replacesTaskId, String createdBy,
                             OffsetDateTime createdAt, String doneBy, OffsetDateTime doneAt) {
}
