package io.stowage.api.tracking;

import io.stowage.carriers.tracking.TrackingStatus;
import java.util.Optional;

/**
 * The shipment statuses Stowage speaks of (in events, JSON and the table) and how the carrier
 * library's statuses map onto them. A failed attempt and an error both read {@code exception}:
 * the customer's question is the same (something went wrong, what now), and the reason says which.
 * Unknown codes and a cancellation before pickup change no status (a void is shipping's business).
 */
final class TrackingStatuses {

    static final String LABEL_CREATED = "label_created";
    static final String IN_TRANSIT = "in_transit";
    static final String OUT_FOR_DELIVERY = "out_for_delivery";
    static final String AVAILABLE_FOR_PICKUP = "available_for_pickup";
    static final String DELIVERED = "delivered";
    static final String EXCEPTION = "exception";
    static final String RETURNED_TO_SENDER = "returned_to_sender";

    private TrackingStatuses() {
    }

    static Optional<String> normalised(TrackingStatus status) {
        return Optional.ofNullable(switch (status) {
            case PRE_TRANSIT -> LABEL_CREATED;
            case IN_TRANSIT -> IN_TRANSIT;
            case OUT_FOR_DELIVERY -> OUT_FOR_DELIVERY;
            case AVAILABLE_FOR_PICKUP -> AVAILABLE_FOR_PICKUP;
            case DELIVERED -> DELIVERED;
            case RETURN_TO_SENDER -> RETURNED_TO_SENDER;
            case FAILURE, ERROR -> EXCEPTION;
            case CANCELLED, UNKNOWN -> null;
        });
    }

    /** True when the carrier reports a problem the merchant must hear of: failed attempt, address problem, return. */
    static boolean isCarrierException(TrackingStatus status) {
        return status == TrackingStatus.FAILURE || status == TrackingStatus.ERROR || status == TrackingStatus.RETURN_TO_SENDER;
    }

    /** True when nothing more is expected from the carrier. */
    static boolean isFinal(String normalisedStatus) {
        return DELIVERED.equals(normalisedStatus) || RETURNED_TO_SENDER.equals(normalisedStatus);
    }
}
