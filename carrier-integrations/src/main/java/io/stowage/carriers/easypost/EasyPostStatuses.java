package io.stowage.carriers.easypost;

import io.stowage.carriers.tracking.StatusMappingTable;
import io.stowage.carriers.tracking.TrackingStatus;

/**
 * EasyPost already normalises each carrier's scans to its own status list; this table maps that
 * list onto ours one by one, so a status EasyPost adds later shows up as unknown, not as a guess.
 */
final class EasyPostStatuses {

    static final StatusMappingTable TABLE = StatusMappingTable.forCarrier("easypost")
            .map("unknown", TrackingStatus.UNKNOWN, "no status from the carrier yet")
            .map("pre_transit", TrackingStatus.PRE_TRANSIT, "label created, awaiting pickup")
            .map("in_transit", TrackingStatus.IN_TRANSIT, "in transit")
            .map("out_for_delivery", TrackingStatus.OUT_FOR_DELIVERY, "out for delivery")
            .map("available_for_pickup", TrackingStatus.AVAILABLE_FOR_PICKUP, "available for pickup")
            .map("delivered", TrackingStatus.DELIVERED, "delivered")
            .map("return_to_sender", TrackingStatus.RETURN_TO_SENDER, "returning to sender")
            .map("failure", TrackingStatus.FAILURE, "delivery failed")
            .map("cancelled", TrackingStatus.CANCELLED, "cancelled")
            .map("error", TrackingStatus.ERROR, "carrier reported an error")
            .build();

    private EasyPostStatuses() {
    }
}
