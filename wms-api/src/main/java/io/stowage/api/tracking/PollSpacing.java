package io.stowage.api.tracking;

import io.stowage.carriers.sandbox.SandboxCarrier;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How long until a parcel's carrier is asked again. Carriers without webhooks are polled by the
 * parcel's state: often around pickup and on the delivery day, rarely in the middle of a long haul
 * or while it waits at a pickup point. Carriers that send webhooks are polled rarely, as a safety
 * net for a lost webhook. Scripted demo journeys are polled often so the demo moves.
 */
@Component
class PollSpacing {

    private final TrackingSettings settings;

    PollSpacing(TrackingSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether the parcel's carrier sends webhooks here. An aggregator's parcels carry the real carrier in
     * their code ({@code easypost:UPS}) while its webhooks, and their secret, are the aggregator's
     * ({@code easypost}), so the code is read up to the colon.
     */
    boolean sendsWebhooks(String carrierCode) {
        String integration = integration(carrierCode);
        return SandboxCarrier.CODE.equals(integration) || settings.webhookSecrets().containsKey(integration);
    }

    static String integration(String carrierCode) {
        int colon = carrierCode.indexOf(':');
        return colon < 0 ? carrierCode : carrierCode.substring(0, colon);
    }

    Duration after(String carrierCode, String status) {
        boolean webhooks = sendsWebhooks(carrierCode);
        if (settings.demoJourneys() && (SandboxCarrier.CODE.equals(carrierCode) || !webhooks)) {
            return settings.demoJourneyPoll();
        }
        if (webhooks) {
            return settings.pollWebhookCarrier();
        }
        return switch (status) {
            case TrackingStatuses.LABEL_CREATED -> settings.pollLabelCreated();
            case TrackingStatuses.OUT_FOR_DELIVERY -> settings.pollOutForDelivery();
            case TrackingStatuses.AVAILABLE_FOR_PICKUP -> settings.pollAtPickupPoint();
            case TrackingStatuses.EXCEPTION -> settings.pollException();
            default -> settings.pollInTransit();
        };
    }
}
