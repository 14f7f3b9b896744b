package io.stowage.carriers.spi;

import java.util.Objects;

/**
 * Identifies a parcel at a carrier. Carriers reuse tracking numbers, so the number is only unique
 * together with the carrier code (for aggregators, "easypost:UPS" style codes name the real carrier).
 */
public record TrackingKey(String carrierCode, String trackingNumber) {

    public TrackingKey {
        Objects.requireNonNull(carrierCode, "carrierCode");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        if (carrierCode.isBlank() || trackingNumber.isBlank()) {
            throw new IllegalArgumentException("carrier code and tracking number must not be blank");
        }
    }

    @Override
    public String toString() {
        return carrierCode + ":" + trackingNumber;
    }
}
