package io.stowage.carriers.sandbox;

import io.stowage.carriers.tracking.PickupPoint;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One parcel the sandbox has labelled, as it keeps it: every scan planned at label time (tracking
 * reveals those already past), when it was cancelled, and how many of its scans went out as webhooks.
 */
public record SandboxParcel(String trackingNumber, List<Scan> scans, Instant cancelledAt, int webhooksSent) {

    public SandboxParcel {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        scans = List.copyOf(scans);
    }

    /**
     * A scan of the parcel: when, the sandbox's status code, what it says, where.
     *
     * @param pickupPoint where the parcel waits to be collected, for the scan that puts it there; else null
     */
    public record Scan(Instant at, String code, String message, String location, PickupPoint pickupPoint) {

        /** A scan at no pickup point. */
        public Scan(Instant at, String code, String message, String location) {
            this(at, code, message, location, null);
        }
    }
}
