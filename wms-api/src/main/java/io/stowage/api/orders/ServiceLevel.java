package io.stowage.api.orders;

import java.util.Locale;

/** How the customer wants the order: delivered (standard, express, eco), collected at a store, or at a pickup point. */
public enum ServiceLevel {
    STANDARD, EXPRESS, ECO, STORE_PICKUP, PICKUP_POINT;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServiceLevel fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
