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

    boolean sendsWebhooks(String carrierCode) {
        return SandboxCarrier.CODE.equals(carrierCode) || settings.webhookSecrets().containsKey(carrierCode);
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
