package io.stowage.api.webhooks;

import java.util.Locale;

/** Where a delivery stands: waiting for its next attempt, acknowledged with a 2xx, or given up after the retry window. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
