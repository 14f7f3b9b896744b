package io.stowage.api.inventory;

import io.stowage.api.Published;
import java.util.Locale;

/** Why units moved. Later workflows (picking, shipping, returns) add their kinds here. */
@Published
public enum MovementKind {
    RECEIPT, PUTAWAY, MOVE, ADJUSTMENT, COUNT_ADJUSTMENT, STATUS_CHANGE,
    /** A picker takes units from a pick location to the node's pack station. */
    PICK,
    /** Units brought from a reserve location to a pick face. */
    REPLENISHMENT,
    /** Units the books showed at a location but a picker did not find there, written off to investigate. */
    SHORT_PICK,
    /** Units the books showed at a reserve location but a worker replenishing from it did not find there, written off to investigate. */
    SHORT_REPLENISHMENT,
    /** Units picked for an order cancelled afterwards, brought back from the pack station to a shelf. */
    PUT_BACK,
    /** Units picked for an order cancelled afterwards that a worker putting them back did not find at the pack station, written off to investigate. */
    SHORT_PUT_BACK,
    /** Units of a merchant's insert (a gift, a sample, a leaflet) packed into a carton; they leave the node with it. */
    PACKING_INSERT,
    /**
     * Units of a packing insert in a closed carton whose order was cancelled before it shipped: the
     * carton is unpacked, and the insert is back on the books at the pack station, for the put-back.
     */
    INSERT_UNPACKED,
    /** Units picked for an order that the packer did not find at the pack station, written off to investigate. */
    SHORT_PACK,
    /** Units a customer sent back, received at the returns station into the status their grade gives them. */
    RETURN_RECEIPT,
    /** Returned units graded for disposal, written off the books as they go to waste. */
    RETURN_DISPOSAL,
    /**
     * Units packed for an order that left the node in a carton with its carrier (the load's manifest
     * closed): taken off the drop-off location, and their reservation ends with them.
     */
    SHIPMENT;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }
}
