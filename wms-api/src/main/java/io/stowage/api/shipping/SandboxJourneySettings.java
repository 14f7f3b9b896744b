package io.stowage.api.shipping;

import io.stowage.carriers.sandbox.SandboxSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the installation's sandbox carrier moves its parcels ({@code stowage.sandbox.*}): the delays
 * between consecutive scans and the share of parcels that meet trouble. The defaults take a door
 * delivery from label to delivered in under nine minutes, so the demo moves while one watches;
 * tests make it seconds.
 *
 * @param pickupDelay          label to pickup
 * @param hubDelay             each step through the sorting hub (arrive, depart, out for delivery)
 * @param lastMileDelay        out for delivery to the door; a pickup point holds a parcel twice this long
 * @param failedAttemptRate    share of door deliveries where nobody is home (the parcel then waits at a pickup point)
 * @param returnRate           share of parcels at a pickup point never collected
 * @param addressProblemRate   share of parcels the hub cannot route
 * @param duplicateWebhookRate share of webhooks sent twice, as real carriers do
 * @param seed                 the same seed and tracking number always take the same path
 */
@ConfigurationProperties("stowage.sandbox")
public record SandboxJourneySettings(
        @DefaultValue("2m") Duration pickupDelay,
        @DefaultValue("90s") Duration hubDelay,
        @DefaultValue("2m") Duration lastMileDelay,
        @DefaultValue("0.10") double failedAttemptRate,
        @DefaultValue("0.20") double returnRate,
        @DefaultValue("0.02") double addressProblemRate,
        @DefaultValue("0.05") double duplicateWebhookRate,
        @DefaultValue("7") long seed) {

    /** The library's settings: these journeys, the demo's tracking link and the webhook secret. */
    SandboxSettings toLibrary(String webhookSecret) {
        byte[] secret = webhookSecret.getBytes(StandardCharsets.UTF_8);
        return new SandboxSettings(pickupDelay, hubDelay, lastMileDelay, failedAttemptRate, returnRate, addressProblemRate,
                duplicateWebhookRate, seed, SandboxSettings.demo(secret).trackingUrlTemplate(), secret);
    }
}
