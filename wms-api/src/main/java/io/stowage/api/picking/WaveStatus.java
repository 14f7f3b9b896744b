package io.stowage.api.picking;

import java.util.Locale;

/**
 * Where a wave is: the optimizer is {@code planning} it, it is {@code planned} (and may be planned
 * again) or {@code failed} to plan, it was {@code released} to the floor, and it is {@code completed}
 * when every batch is picked.
 */
enum WaveStatus {
    PLANNING, PLANNED, FAILED, RELEASED, COMPLETED;

    String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static WaveStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    boolean replannable() {
        return this == PLANNING || this == PLANNED || this == FAILED;
    }
}
