package io.stowage.carriers.spi;

/**
 * A label was bought but its files could not be fetched, so it was refunded (or a refund was
 * requested) rather than left paid for and unrecorded; {@link #refund()} says how that went.
 */
public class LabelNotStoredException extends CarrierException {

    private final transient CancellationResult refund;

    public LabelNotStoredException(String message, CancellationResult refund, Throwable cause) {
        super(message, cause);
        this.refund = refund;
    }

    public CancellationResult refund() {
        return refund;
    }
}
