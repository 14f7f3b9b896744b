package io.stowage.api.dayplan;

import io.stowage.api.Published;
import java.time.Instant;
import java.util.UUID;

/**
 * The carrier service the day plan chose for an order's parcel, and why.
 *
 * @param serviceCode {@code carrier/service} as in carriers.CarrierDirectory (e.g. {@code omniva/locker})
 * @param reason      in words: the price and delivery date that made the choice, or the shopper's choice kept
 */
@Published
public record PlannedService(UUID orderId, String serviceCode, String reason, Instant plannedAt) {
}
