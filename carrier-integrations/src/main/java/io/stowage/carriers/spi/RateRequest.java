package io.stowage.carriers.spi;

import io.stowage.carriers.customs.CustomsDeclaration;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks a carrier what it would charge to carry one parcel.
 *
 * @param readyAt when the parcel is packed and can be handed over; with each service's cut-off it decides the ship date
 * @param customs the parcel's customs declaration, needed where it crosses a customs border
 *                ({@link io.stowage.carriers.customs.CustomsBorder}); aggregators buy the quoted shipment, so it is given here
 */
public record RateRequest(Address from, Address to, Parcel parcel, Instant readyAt, Optional<CustomsDeclaration> customs) {

    public RateRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(parcel, "parcel");
        Objects.requireNonNull(readyAt, "readyAt");
        Objects.requireNonNull(customs, "customs");
    }

    /** A parcel that crosses no customs border. */
    public RateRequest(Address from, Address to, Parcel parcel, Instant readyAt) {
        this(from, to, parcel, readyAt, Optional.empty());
    }
}
