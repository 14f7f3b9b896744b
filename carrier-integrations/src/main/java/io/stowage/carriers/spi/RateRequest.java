package io.stowage.carriers.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Asks a carrier what it would charge to carry one parcel.
 *
 * @param readyAt when the parcel is packed and can be handed over; with each service's cut-off it decides the ship date
 */
public record RateRequest(Address from, Address to, Parcel parcel, Instant readyAt) {

    public RateRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(parcel, "parcel");
        Objects.requireNonNull(readyAt, "readyAt");
    }
}
