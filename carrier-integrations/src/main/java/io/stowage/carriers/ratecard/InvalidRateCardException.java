package io.stowage.carriers.ratecard;

import io.stowage.carriers.spi.CarrierException;

/** A rate-card file that cannot be read or contradicts itself; the message names the file and the problem. */
public class InvalidRateCardException extends CarrierException {

    public InvalidRateCardException(String message) {
        super(message);
    }

    public InvalidRateCardException(String message, Throwable cause) {
        super(message, cause);
    }
}
