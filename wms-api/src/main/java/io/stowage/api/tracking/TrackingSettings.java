package io.stowage.api.tracking;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tracking's configuration ({@code stowage.tracking.*}).
 *
 * @param webhookSecrets       carrier code to the secret its webhooks are signed with; the sandbox's is shipping's
 *                             {@code stowage.shipping.sandbox-webhook-secret} unless set here
 * @param pollingEnabled       whether this instance polls carriers' tracking
 * @param pollInterval         how often the polling loop looks for parcels due
 * @param pollLease            how long a claimed parcel is left to the instance that claimed it
 * @param pollBatch            parcels claimed per pass
 * @param concurrentCarrierCalls how many parcels' tracking calls one poll pass has in flight at once
 * @param pollLabelCreated     spacing of polls while the label is printed but the parcel not yet picked up
 * @param pollInTransit        ... while in transit
 * @param pollOutForDelivery   ... while out for delivery
 * @param pollAtPickupPoint    ... while waiting at a pickup point
 * @param pollException        ... after a carrier exception
 * @param pollWebhookCarrier   spacing for carriers that send webhooks: polling is only the safety net for lost ones
 * @param demoJourneys         parcels of carriers without a tracking API (rate cards) move on a sandbox-scripted
 *                             journey, so the demo's parcels reach delivered; on with STOWAGE_DEMO
 * @param demoJourneyPoll      spacing of polls of such scripted parcels (and of the sandbox's after a restart)
 * @param sandboxWebhooks      whether this instance hands its sandbox's due webhooks to the webhook path
 * @param sandboxWebhookInterval how often
 * @param lateChecks           whether this instance runs the late check (silence, ETA past the promise)
 * @param lateCheckInterval    how often the late-check loop looks for parcels due
 * @param lateRecheck          how long after one check a parcel is checked again
 * @param laneHistoryMinimum   deliveries on a lane needed before Stowage's own ETA uses them (fewer: transit days)
 * @param laneHistoryWindow    how far back the lane's deliveries count
 * @param postalPrefixLength   characters of the destination postal code that make a lane
 * @param silenceLimit         how long a parcel may go without an event when its lane has too little history to say
 * @param pickupHoldDays       how many days a pickup point keeps a parcel when the carrier does not say
 */
@ConfigurationProperties("stowage.tracking")
public record TrackingSettings(
        @DefaultValue Map<String, String> webhookSecrets,
        @DefaultValue("true") boolean pollingEnabled,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("2m") Duration pollLease,
        @DefaultValue("20") int pollBatch,
        @DefaultValue("4") int concurrentCarrierCalls,
        @DefaultValue("30m") Duration pollLabelCreated,
        @DefaultValue("2h") Duration pollInTransit,
        @DefaultValue("30m") Duration pollOutForDelivery,
        @DefaultValue("6h") Duration pollAtPickupPoint,
        @DefaultValue("1h") Duration pollException,
        @DefaultValue("6h") Duration pollWebhookCarrier,
        @DefaultValue("false") boolean demoJourneys,
        @DefaultValue("20s") Duration demoJourneyPoll,
        @DefaultValue("true") boolean sandboxWebhooks,
        @DefaultValue("5s") Duration sandboxWebhookInterval,
        @DefaultValue("true") boolean lateChecks,
        @DefaultValue("30s") Duration lateCheckInterval,
        @DefaultValue("1h") Duration lateRecheck,
        @DefaultValue("20") int laneHistoryMinimum,
        @DefaultValue("180d") Duration laneHistoryWindow,
        @DefaultValue("2") int postalPrefixLength,
        @DefaultValue("48h") Duration silenceLimit,
        @DefaultValue("7") int pickupHoldDays) {

    @Override
    public String toString() {
        // The webhook secrets never go into logs.
        return "TrackingSettings[carriers with webhook secrets=" + webhookSecrets.keySet() + "]";
    }
}
