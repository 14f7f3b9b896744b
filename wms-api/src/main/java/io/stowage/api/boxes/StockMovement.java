package io.stowage.api.boxes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of a node's packaging stock: how much, what it left, why, for which carton, and who. */
record StockMovement(long id, String nodeCode, int delta, int onHandAfter, String reason, UUID cartonId, String actor,
                     OffsetDateTime createdAt) {
}
