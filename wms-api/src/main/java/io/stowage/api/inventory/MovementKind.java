package io.stowage.api.inventory;

import java.util.Locale;

/** Why units moved. Later workflows (picking, shipping, returns) add their kinds here. */
public enum MovementKind {
    RECEIPT, PUTAWAY, MOVE, ADJUSTMENT, COUNT_ADJUSTMENT, STATUS_CHANGE;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }
}
