package io.stowage.carriers.spi;

/** A remote carrier API did not answer in time or could not be reached, after the bounded retries. */
public class CarrierUnavailableException extends CarrierException {

    public CarrierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
