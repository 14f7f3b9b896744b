package io.stowage.api.shipping;

import io.stowage.api.Published;
import java.time.Instant;
import java.util.UUID;

/**
 * One carton's shipment: its SSCC, the carrier and service its label was bought on, and where it
 * stands ({@code label_pending}, {@code label_failed}, {@code labelled}, {@code voided},
 * {@code loaded}, {@code shipped}). {@code failureReason} is the carrier's answer when a label
 * could not be bought; {@code selectionReason} says why the service differs from the one planned; {@code transitDays}
 * are the business days in transit the bought rate counted on for this parcel (null before a label, and for labels bought
 * before they were kept).
 */
@Published
public record ShipmentView(UUID id, UUID merchantId, UUID nodeId, UUID orderId, String orderNumber, UUID cartonId,
                           int cartonNumber, String sscc, String carrier, String serviceCode, String trackingNumber,
                           String carrierTrackingUrl, String status, String failureReason, int weightGrams, Instant labelledAt,
                           String requestedService, String selectionReason, Long priceMinor, String currency, Integer transitDays,
                           int attempts, Instant createdAt, Instant voidedAt) {

    public static final String LABEL_PENDING = "label_pending";
    public static final String LABEL_FAILED = "label_failed";
    public static final String LABELLED = "labelled";
    public static final String VOIDED = "voided";
    public static final String LOADED = "loaded";
    public static final String SHIPPED = "shipped";
}
