package io.stowage.carriers.spi;

/** The destination country is not a known ISO code, no carrier serves it, or its postal code is malformed. */
public class UnknownDestinationException extends CarrierException {

    public UnknownDestinationException(String message) {
        super(message);
    }
}
