package io.stowage.carriers.tracking;

import io.stowage.carriers.spi.TrackingKey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The carrier's own expected delivery date for a parcel, as it stood when the carrier said it. Carriers
 * give it with the parcel's tracking, not with each scan (EasyPost's tracker {@code est_delivery_date},
 * UPS's scheduled delivery date, DHL's estimated time of delivery), and revise it as the parcel moves;
 * a later report replaces an earlier one, so one that arrives late (a webhook delivered again) does not
 * undo a newer one.
 *
 * @param deliveryDate the day, at the destination, the carrier expects to deliver
 * @param reportedAt   when the carrier gave this estimate
 */
public record CarrierEstimate(TrackingKey trackingKey, LocalDate deliveryDate, Instant reportedAt) {

    public CarrierEstimate {
        Objects.requireNonNull(trackingKey, "trackingKey");
        Objects.requireNonNull(deliveryDate, "deliveryDate");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }
}
