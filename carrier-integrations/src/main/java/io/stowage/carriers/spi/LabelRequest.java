package io.stowage.carriers.spi;

import io.stowage.barcodes.gs1.Sscc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Buys a label for one carton.
 *
 * @param orderReference the merchant's order reference, printed on the label
 * @param sscc           the carton's SSCC, printed as GS1-128 with AI (00)
 * @param rateId         the quote to buy when the carrier priced it under an id (aggregators); else the service code decides
 */
public record LabelRequest(String orderReference, Address from, Address to, Parcel parcel, String serviceCode,
                           Sscc sscc, Instant readyAt, Optional<String> rateId) {

    public LabelRequest {
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(parcel, "parcel");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(sscc, "sscc");
        Objects.requireNonNull(readyAt, "readyAt");
        Objects.requireNonNull(rateId, "rateId");
    }
}
