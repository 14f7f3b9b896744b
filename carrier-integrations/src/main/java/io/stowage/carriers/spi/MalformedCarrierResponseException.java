package io.stowage.carriers.spi;

/** A carrier answered with something that is not the documented response shape. */
public class MalformedCarrierResponseException extends CarrierException {

    public MalformedCarrierResponseException(String message) {
        super(message);
    }

    public MalformedCarrierResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
