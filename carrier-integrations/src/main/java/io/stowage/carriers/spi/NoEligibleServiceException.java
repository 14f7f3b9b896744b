package io.stowage.carriers.spi;

/** No service can carry the parcel under the given constraints (limits, customer choice, delivery promise). */
public class NoEligibleServiceException extends CarrierException {

    public NoEligibleServiceException(String message) {
        super(message);
    }
}
