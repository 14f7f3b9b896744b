package io.stowage.api.picking;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Units picked for an order that was cancelled afterwards, to bring from the pack station
 * ({@code fromLocationCode}) back to a shelf ({@code toLocationCode}): the shelf they were picked from
 * ({@code pickedFromLocationCode}) unless it no longer fits them. {@code movedQuantity} is what the
 * worker confirmed moving (less than {@code quantity} when units went missing at the pack station).
 */
record PutBackTaskView(UUID id, String status, UUID orderId, String sku, String lotNumber, String fromLocationCode,
                       String pickedFromLocationCode, String toLocationCode, int quantity, Integer movedQuantity, String createdBy,
                       OffsetDateTime createdAt, String doneBy, OffsetDateTime doneAt) {
}
