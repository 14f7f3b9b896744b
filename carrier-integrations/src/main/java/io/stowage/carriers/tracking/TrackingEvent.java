package io.stowage.carriers.tracking;

import io.stowage.carriers.spi.TrackingKey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One scan or status change of a parcel.
 *
 * @param detail            the normalised detail from the carrier's mapping table (e.g. "arrived at sorting hub")
 * @param carrierStatusCode the carrier's own code, kept so nothing is lost by normalising
 * @param message           the carrier's free-text description, as it sent it
 * @param location          where it happened, as text, or empty
 * @param pickupPoint       where the parcel now waits to be collected, when the scan puts it at a pickup
 *                          point and the carrier says which (with its address and hours as far as it gives them)
 */
public record TrackingEvent(TrackingKey trackingKey, Instant occurredAt, TrackingStatus status, String detail,
                            String carrierStatusCode, String message, String location, Optional<PickupPoint> pickupPoint) {

    public TrackingEvent {
        Objects.requireNonNull(trackingKey, "trackingKey");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(status, "status");
        detail = Objects.requireNonNullElse(detail, "");
        carrierStatusCode = Objects.requireNonNullElse(carrierStatusCode, "");
        message = Objects.requireNonNullElse(message, "");
        location = Objects.requireNonNullElse(location, "");
        pickupPoint = Objects.requireNonNullElse(pickupPoint, Optional.empty());
    }

    /** A scan that names no pickup point. */
    public TrackingEvent(TrackingKey trackingKey, Instant occurredAt, TrackingStatus status, String detail,
                         String carrierStatusCode, String message, String location) {
        this(trackingKey, occurredAt, status, detail, carrierStatusCode, message, location, Optional.empty());
    }
}
