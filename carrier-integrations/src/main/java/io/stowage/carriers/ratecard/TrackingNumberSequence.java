package io.stowage.carriers.ratecard;

/**
 * Hands out serial numbers for a rate-card carrier's tracking numbers, each once. Posts allot a
 * range per shipper; the service stores the position in its database.
 */
public interface TrackingNumberSequence {

    long next(String carrierCode);
}
