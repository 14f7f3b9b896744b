package io.stowage.carriers.tracking;

import java.util.List;
import java.util.Optional;

/**
 * What a carrier's tracking says of one parcel when asked: its events, oldest first, and the carrier's
 * current estimate of delivery, when it gives one.
 */
public record TrackingHistory(List<TrackingEvent> events, Optional<CarrierEstimate> estimate) {

    public TrackingHistory {
        events = List.copyOf(events);
    }

    /** Events without an estimate. */
    public static TrackingHistory of(List<TrackingEvent> events) {
        return new TrackingHistory(events, Optional.empty());
    }
}
