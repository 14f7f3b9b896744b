package io.stowage.carriers.tracking;

import java.util.Arrays;
import java.util.Locale;

/** The one set of tracking statuses every carrier's codes are mapped onto. */
public enum TrackingStatus {
    PRE_TRANSIT,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    AVAILABLE_FOR_PICKUP,
    DELIVERED,
    RETURN_TO_SENDER,
    FAILURE,
    CANCELLED,
    ERROR,
    UNKNOWN;

    /** The lower-case name used on the wire and in the database, e.g. {@code out_for_delivery}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrackingStatus fromWireName(String wireName) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tracking status '" + wireName + "'"));
    }

    /** True when no further events are expected. */
    public boolean isFinal() {
        return this == DELIVERED || this == RETURN_TO_SENDER || this == CANCELLED;
    }
}
