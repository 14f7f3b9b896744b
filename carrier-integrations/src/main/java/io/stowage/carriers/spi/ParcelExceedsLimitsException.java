package io.stowage.carriers.spi;

/** The parcel is heavier or larger than every service that serves its destination. */
public class ParcelExceedsLimitsException extends NoEligibleServiceException {

    public ParcelExceedsLimitsException(String message) {
        super(message);
    }
}
