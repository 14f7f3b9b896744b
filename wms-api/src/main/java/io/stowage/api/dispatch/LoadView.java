package io.stowage.api.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A carrier's load at a node: its trailer and dock, whether it is open or closed (with the manifest
 * number once closed), its totals, the cartons on it, and the carrier's cartons labelled for the
 * day that are not on it yet ({@code notLoaded}), so the dock sees what is still to come. Lists
 * leave {@code cartons} and {@code notLoaded} out.
 */
record LoadView(UUID id, String nodeCode, String carrier, LocalDate shipDay, String dockCode, String trailer, String status,
                String openedBy, Instant openedAt, String manifestNumber, String closedBy, Instant closedAt,
                int parcels, long weightGrams, List<Carton> cartons, List<Waiting> notLoaded) {

    static final String OPEN = "open";
    static final String CLOSED = "closed";

    /** A carton on the load, as the manifest prints it. */
    record Carton(UUID shipmentId, String sscc, String trackingNumber, int weightGrams, UUID orderId, String orderNumber,
                  int cartonNumber, String serviceCode, String scannedBy, Instant scannedAt) {
    }

    /** A carton labelled for this carrier on the load's day that is on no load. */
    record Waiting(UUID shipmentId, String sscc, String orderNumber, int cartonNumber, Instant labelledAt) {
    }

    LoadView withDetail(List<Carton> cartons, List<Waiting> notLoaded) {
        return new LoadView(id, nodeCode, carrier, shipDay, dockCode, trailer, status, openedBy, openedAt, manifestNumber, closedBy,
                closedAt, parcels, weightGrams, cartons, notLoaded);
    }

    boolean isOpen() {
        return OPEN.equals(status);
    }
}
