package io.stowage.api.notifications;

import io.stowage.api.tracking.PickupHours;
import java.time.LocalDate;
import java.util.List;

/**
 * What a notice says, before it is put into words: taken from the outbox event and the order when
 * the notice is queued. Absent values are null; {@code reason} is a key of the {@code reason.*}
 * texts ({@code late}, {@code stalled}, {@code failed_attempt}, {@code address}, {@code returned},
 * {@code other}).
 */
record NoticeFacts(NoticeKind kind, String customerName, String merchantName, String orderNumber, LocalDate day,
                   List<Item> items, String carrier, String trackingNumber, String trackingUrl, LocalDate eta, String reason,
                   PickupPoint pickupPoint) {

    record Item(String sku, int quantity) {
    }

    /** @param openingHours when it is open, or null when the carrier did not say */
    record PickupPoint(String name, String address, PickupHours openingHours, LocalDate collectBy) {
    }
}
