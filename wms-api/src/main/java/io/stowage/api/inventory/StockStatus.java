package io.stowage.api.inventory;

import io.stowage.api.Published;
import java.util.Locale;

/** The condition of units on a shelf. Only {@link #AVAILABLE} units can be sold. */
@Published
public enum StockStatus {
    AVAILABLE, QUARANTINE, DAMAGED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean sellable() {
        return this == AVAILABLE;
    }

    public static StockStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
