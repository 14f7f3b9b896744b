package io.stowage.carriers.tracking;

import io.stowage.carriers.spi.CarrierException;

/** A webhook whose signature is missing or wrong; it must be rejected without being parsed. */
public class WebhookVerificationException extends CarrierException {

    public WebhookVerificationException(String message) {
        super(message);
    }
}
