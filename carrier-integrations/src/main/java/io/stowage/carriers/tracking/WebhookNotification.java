package io.stowage.carriers.tracking;

import java.util.List;

/** What one carrier webhook says: its event id (for de-duplication) and the tracking events it carries. */
public record WebhookNotification(String eventId, List<TrackingEvent> events) {

    public WebhookNotification {
        events = List.copyOf(events);
    }
}
