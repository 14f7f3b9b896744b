package io.stowage.carriers.tracking;

import java.util.List;

/** The outcome of receiving one webhook: the events to apply, or none when it was a duplicate. */
public record WebhookReceipt(String carrierCode, String eventId, boolean duplicate, List<TrackingEvent> events) {

    public WebhookReceipt {
        events = List.copyOf(events);
    }
}
