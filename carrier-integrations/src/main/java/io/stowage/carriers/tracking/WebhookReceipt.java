package io.stowage.carriers.tracking;

import java.util.List;

/** The outcome of receiving one webhook: the events and estimates to apply, or none when it was a duplicate. */
public record WebhookReceipt(String carrierCode, String eventId, boolean duplicate, List<TrackingEvent> events,
                             List<CarrierEstimate> estimates) {

    public WebhookReceipt {
        events = List.copyOf(events);
        estimates = List.copyOf(estimates);
    }
}
