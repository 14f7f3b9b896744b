package io.stowage.carriers.spi;

/**
 * The one error type of the carrier-integrations library. Every failure a caller can act on is a
 * subclass, so a service can map them to problem responses without catching foreign exceptions.
 */
public class CarrierException extends RuntimeException {

    public CarrierException(String message) {
        super(message);
    }

    public CarrierException(String message, Throwable cause) {
        super(message, cause);
    }
}
