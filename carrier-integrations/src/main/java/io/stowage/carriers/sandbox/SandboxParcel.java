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
     * True when this parcel has as many scans as the other, ending with a scan of the same code: what a webhook run
     * checks before recording what it sent from its copy (a void or a return's delivery changes both).
     */
    public boolean hasScansOf(SandboxParcel other) {
        return scans.size() == other.scans.size()
                && (scans.isEmpty() || scans.get(scans.size() - 1).code().equals(other.scans.get(scans.size() - 1).code()));
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
