package io.stowage.carriers.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How sandbox parcels behave. Delays are between consecutive scans; rates are probabilities per
 * parcel, drawn from a generator seeded with {@code seed} and the tracking number, so the same
 * parcel always takes the same path.
 *
 * @param failedAttemptRate   share of door deliveries where nobody is home; the parcel then waits at a pickup point
 * @param returnRate          share of parcels waiting at a pickup point that are never collected and go back
 * @param addressProblemRate  share of parcels the hub cannot route (address not found); they go back
 * @param duplicateWebhookRate share of webhooks sent twice, as real carriers do
 */
public record SandboxSettings(Duration pickupDelay, Duration hubDelay, Duration lastMileDelay,
                              double failedAttemptRate, double returnRate, double addressProblemRate,
                              double duplicateWebhookRate, long seed, String trackingUrlTemplate, byte[] webhookSecret) {

    public SandboxSettings {
        Objects.requireNonNull(pickupDelay, "pickupDelay");
        Objects.requireNonNull(hubDelay, "hubDelay");
        Objects.requireNonNull(lastMileDelay, "lastMileDelay");
        Objects.requireNonNull(trackingUrlTemplate, "trackingUrlTemplate");
        webhookSecret = webhookSecret.clone();
        for (double rate : new double[] {failedAttemptRate, returnRate, addressProblemRate, duplicateWebhookRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("sandbox rates are probabilities between 0 and 1, got " + rate);
            }
        }
    }

    /** A day in the life of a parcel compressed into minutes, with a few failures, for demos. */
    public static SandboxSettings demo(byte[] webhookSecret) {
        return new SandboxSettings(Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(2),
                0.10, 0.20, 0.02, 0.05, 7L, "http://localhost:8080/sandbox-carrier/parcels/{trackingNumber}", webhookSecret);
    }

    @Override
    public byte[] webhookSecret() {
        return webhookSecret.clone();
    }
}
