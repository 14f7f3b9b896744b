package io.stowage.carriers.label;

import io.stowage.carriers.spi.Address;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything printed on a 4x6 inch return label: as a shipping label, from the customer to the
 * warehouse, with the RMA as Code 128 where an outbound label has its SSCC, so that the returns
 * station can scan either the tracking number or the RMA.
 */
public record ReturnShippingLabel(String carrierName, String serviceName, Address sender, Address recipient, int weightGrams,
                                  String trackingNumber, String trackingUrl, String rma, String orderReference, LocalDate shipDate) {

    public ReturnShippingLabel {
        Objects.requireNonNull(carrierName, "carrierName");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(trackingUrl, "trackingUrl");
        Objects.requireNonNull(rma, "rma");
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(shipDate, "shipDate");
    }
}
