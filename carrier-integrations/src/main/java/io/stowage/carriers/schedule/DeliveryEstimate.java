package io.stowage.carriers.schedule;

import java.time.LocalDate;

/** When a parcel leaves with the carrier and when it should arrive. */
public record DeliveryEstimate(LocalDate shipDate, LocalDate deliveryDate) {
}
