package io.stowage.carriers.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Buys a return label: the customer sends a parcel back to the warehouse it came from.
 *
 * @param rma                 the merchant's return number, printed on the label so the returns station knows the parcel
 * @param orderReference      the order the parcel was shipped for
 * @param from                the customer, who sends the parcel back
 * @param to                  the warehouse that receives it
 * @param parcel              the parcel as the order left (a return rarely weighs more than what was shipped)
 * @param outboundServiceCode the service the order travelled on; carriers with a return service of their own may ignore it
 */
public record ReturnLabelRequest(String rma, String orderReference, Address from, Address to, Parcel parcel, String outboundServiceCode,
                                 Instant readyAt) {

    public ReturnLabelRequest {
        Objects.requireNonNull(rma, "rma");
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(parcel, "parcel");
        Objects.requireNonNull(outboundServiceCode, "outboundServiceCode");
        Objects.requireNonNull(readyAt, "readyAt");
    }
}
