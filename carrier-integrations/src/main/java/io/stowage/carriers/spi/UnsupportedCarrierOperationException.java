package io.stowage.carriers.spi;

/** The carrier does not offer this operation (for example tracking for a carrier configured from a rate card). */
public class UnsupportedCarrierOperationException extends CarrierException {

    public UnsupportedCarrierOperationException(String message) {
        super(message);
    }
}
