package io.stowage.carriers.spi;

/**
 * The carrier's answer to a cancellation. Some carriers refund at once, others only accept the
 * request and settle it days later.
 */
public record CancellationResult(TrackingKey trackingKey, Outcome outcome, String detail) {

    public enum Outcome {
        CANCELLED,
        REFUND_PENDING,
        REJECTED
    }
}
