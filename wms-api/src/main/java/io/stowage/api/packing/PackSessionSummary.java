package io.stowage.api.packing;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A pack session in a list: who packs at which station, since when, and how many of its orders are still open in it. */
record PackSessionSummary(UUID id, String stationCode, String status, String packerName, UUID batchId, Integer tote, OffsetDateTime openedAt,
                          OffsetDateTime closedAt, int openOrders) {
}
