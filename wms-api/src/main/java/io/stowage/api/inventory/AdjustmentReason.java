package io.stowage.api.inventory;

import io.stowage.api.Published;
import java.util.Locale;

/** Why a supervisor changed stock by hand; the ledger keeps it so variances can be investigated. */
@Published
public enum AdjustmentReason {
    FOUND, LOST, DAMAGED, EXPIRED, THEFT, SHORT_PICK, SHORT_REPLENISHMENT, SHORT_PUT_BACK, CORRECTION;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }
}
