package io.stowage.carriers.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A bought return label: the label itself in ZPL, PDF and PNG, and where the carrier offers label-free
 * drop-off, the code its parcel shops and lockers scan instead (shown to the customer as a QR code).
 *
 * @param dropOffCode the text the carrier's drop-off QR code carries; empty when the carrier has no label-free drop-off
 */
public record ReturnLabel(TrackingKey trackingKey, CarrierService service, Money price, LabelDocuments documents, Optional<String> dropOffCode) {

    public ReturnLabel {
        Objects.requireNonNull(trackingKey, "trackingKey");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(dropOffCode, "dropOffCode");
    }
}
