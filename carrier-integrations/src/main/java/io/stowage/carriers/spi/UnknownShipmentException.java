package io.stowage.carriers.spi;

/** The carrier has no shipment under the given tracking key. */
public class UnknownShipmentException extends CarrierException {

    public UnknownShipmentException(String message) {
        super(message);
    }
}
