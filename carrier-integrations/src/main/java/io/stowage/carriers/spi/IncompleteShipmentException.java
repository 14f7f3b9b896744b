package io.stowage.carriers.spi;

/**
 * The request lacks something the shipment needs before a carrier can be asked at all: a customs
 * declaration for a parcel crossing a customs border, or the state of an address in a country
 * whose addresses have one.
 */
public class IncompleteShipmentException extends CarrierException {

    public IncompleteShipmentException(String message) {
        super(message);
    }
}
