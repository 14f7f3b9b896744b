package io.stowage.carriers.spi;

import io.stowage.barcodes.gs1.Sscc;
import io.stowage.carriers.customs.CustomsDeclaration;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Buys a label for one carton.
 *
 * @param orderReference the merchant's order reference, printed on the label
 * @param sscc           the carton's SSCC, printed as GS1-128 with AI (00)
 * @param rateId         the quote to buy when the carrier priced it under an id (aggregators); else the service code decides
 * @param customs        the parcel's customs declaration, needed where it crosses a customs border
 */
public record LabelRequest(String orderReference, Address from, Address to, Parcel parcel, String serviceCode,
                           Sscc sscc, Instant readyAt, Optional<String> rateId, Optional<CustomsDeclaration> customs) {

    public LabelRequest {
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(parcel, "parcel");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(sscc, "sscc");
        Objects.requireNonNull(readyAt, "readyAt");
        Objects.requireNonNull(rateId, "rateId");
        Objects.requireNonNull(customs, "customs");
    }

    /** A label for a parcel that crosses no customs border. */
    public LabelRequest(String orderReference, Address from, Address to, Parcel parcel, String serviceCode,
                        Sscc sscc, Instant readyAt, Optional<String> rateId) {
        this(orderReference, from, to, parcel, serviceCode, sscc, readyAt, rateId, Optional.empty());
    }

    /** The rate request for the same parcel. */
    public RateRequest rateRequest() {
        return new RateRequest(from, to, parcel, readyAt, customs);
    }
}
