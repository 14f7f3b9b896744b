package io.stowage.carriers.tracking;

import io.stowage.carriers.spi.TrackingKey;

import java.time.Instant;
import java.util.Objects;

/**
 * One scan or status change of a parcel.
 *
 * @param detail            the normalised detail from the carrier's mapping table (e.g. "arrived at sorting hub")
 * @param carrierStatusCode the carrier's own code, kept so nothing is lost by normalising
 * @param message           the carrier's free-text description, as it sent it
 * @param location          where it happened, as text, or empty
 */
public record TrackingEvent(TrackingKey trackingKey, Instant occurredAt, TrackingStatus status, String detail,
                            String carrierStatusCode, String message, String location) {

    public TrackingEvent {
        Objects.requireNonNull(trackingKey, "trackingKey");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(status, "status");
        detail = Objects.requireNonNullElse(detail, "");
        carrierStatusCode = Objects.requireNonNullElse(carrierStatusCode, "");
        message = Objects.requireNonNullElse(message, "");
        location = Objects.requireNonNullElse(location, "");
    }
}
