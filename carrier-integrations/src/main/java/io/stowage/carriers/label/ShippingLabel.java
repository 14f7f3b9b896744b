package io.stowage.carriers.label;

import io.stowage.barcodes.gs1.Sscc;
import io.stowage.carriers.spi.Address;

import java.time.LocalDate;
import java.util.Objects;

/** Everything printed on a 4x6 inch shipping label. */
public record ShippingLabel(String carrierName, String serviceName, Address sender, Address recipient,
                            int weightGrams, String trackingNumber, String trackingUrl, Sscc sscc,
                            String orderReference, LocalDate shipDate) {

    public ShippingLabel {
        Objects.requireNonNull(carrierName, "carrierName");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(trackingUrl, "trackingUrl");
        Objects.requireNonNull(sscc, "sscc");
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(shipDate, "shipDate");
    }
}
