package io.stowage.carriers.selection;

import io.stowage.carriers.spi.NoEligibleServiceException;
import io.stowage.carriers.spi.RateQuote;

/** No acceptable service arrives by the promised date; carries the earliest one so the caller can decide. */
public class PromiseNotKeptException extends NoEligibleServiceException {

    private final transient RateQuote earliestAlternative;

    public PromiseNotKeptException(String message, RateQuote earliestAlternative) {
        super(message);
        this.earliestAlternative = earliestAlternative;
    }

    public RateQuote earliestAlternative() {
        return earliestAlternative;
    }
}
