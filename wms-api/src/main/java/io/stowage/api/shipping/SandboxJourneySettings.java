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

    /** Where the sandbox carrier's own tracking page of a parcel is, under the service's public URL. */
    public static final String PARCEL_PAGE = "/sandbox-carrier/parcels/";

    /**
     * The library's settings: these journeys, the webhook secret and the carrier's tracking link,
     * {@code <public-url>/sandbox-carrier/parcels/<number>}; not under {@code /track/}, which is the
     * customer's page by an unguessable token (trackpage), never by a tracking number.
     */
    SandboxSettings toLibrary(String webhookSecret, String publicUrl) {
        byte[] secret = webhookSecret.getBytes(StandardCharsets.UTF_8);
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return new SandboxSettings(pickupDelay, hubDelay, lastMileDelay, failedAttemptRate, returnRate, addressProblemRate,
                duplicateWebhookRate, seed, base + PARCEL_PAGE + "{trackingNumber}", secret);
    }
}
