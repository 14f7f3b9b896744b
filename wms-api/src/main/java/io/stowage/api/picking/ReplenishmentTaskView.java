package io.stowage.api.picking;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Units to bring from a reserve location to a pick face. */
record ReplenishmentTaskView(UUID id, String status, UUID waveId, String sku, String lotNumber, String fromLocationCode,
                             String toLocationCode, int quantity, String createdBy, OffsetDateTime createdAt, String doneBy,
                             OffsetDateTime doneAt) {
}
