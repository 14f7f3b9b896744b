package io.stowage.api.orders;

import io.stowage.api.Published;
import java.time.OffsetDateTime;

/** The carrier service planned for an order's parcel ({@code carrier/service}) and why, as the order view shows it. */
@Published
public record PlannedCarrierService(String serviceCode, String reason, OffsetDateTime plannedAt) {
}
