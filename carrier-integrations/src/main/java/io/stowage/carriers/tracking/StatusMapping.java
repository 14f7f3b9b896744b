package io.stowage.carriers.tracking;

/** What one carrier code means in the normalised set. */
public record StatusMapping(TrackingStatus status, String detail) {
}
