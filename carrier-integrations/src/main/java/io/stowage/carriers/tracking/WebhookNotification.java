package io.stowage.carriers.tracking;

import java.util.List;

/**
 * What one carrier webhook says: its event id (for de-duplication), the tracking events it carries and
 * the carrier's estimates of delivery it gives (none when it gives none).
 */
public record WebhookNotification(String eventId, List<TrackingEvent> events, List<CarrierEstimate> estimates) {

    public WebhookNotification {
        events = List.copyOf(events);
        estimates = List.copyOf(estimates);
    }

    /** A webhook that carries events and no estimate. */
    public WebhookNotification(String eventId, List<TrackingEvent> events) {
        this(eventId, events, List.of());
    }
}
