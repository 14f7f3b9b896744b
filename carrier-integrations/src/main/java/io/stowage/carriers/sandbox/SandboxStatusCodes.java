package io.stowage.carriers.sandbox;

import io.stowage.carriers.tracking.StatusMappingTable;
import io.stowage.carriers.tracking.TrackingStatus;

/** The sandbox carrier's own scan codes and what they mean. */
final class SandboxStatusCodes {

    static final String LABEL_CREATED = "LABEL_CREATED";
    static final String PICKED_UP = "PICKED_UP";
    static final String ARRIVED_AT_HUB = "ARRIVED_AT_HUB";
    static final String DEPARTED_HUB = "DEPARTED_HUB";
    static final String OUT_FOR_DELIVERY = "OUT_FOR_DELIVERY";
    static final String DELIVERED = "DELIVERED";
    static final String ATTEMPT_FAILED = "ATTEMPT_FAILED";
    static final String AT_PICKUP_POINT = "AT_PICKUP_POINT";
    static final String COLLECTED = "COLLECTED";
    static final String ADDRESS_NOT_FOUND = "ADDRESS_NOT_FOUND";
    static final String RETURNED = "RETURNED";
    static final String CANCELLED = "CANCELLED";
    /** A return parcel handed in at a parcel shop (the shop scanned its label or drop-off code). */
    static final String DROPPED_OFF = "DROPPED_OFF";

    static final StatusMappingTable TABLE = StatusMappingTable.forCarrier("sandbox")
            .map(LABEL_CREATED, TrackingStatus.PRE_TRANSIT, "label created, awaiting pickup")
            .map(PICKED_UP, TrackingStatus.IN_TRANSIT, "picked up from the warehouse")
            .map(ARRIVED_AT_HUB, TrackingStatus.IN_TRANSIT, "arrived at sorting hub")
            .map(DEPARTED_HUB, TrackingStatus.IN_TRANSIT, "departed sorting hub")
            .map(OUT_FOR_DELIVERY, TrackingStatus.OUT_FOR_DELIVERY, "out for delivery")
            .map(DELIVERED, TrackingStatus.DELIVERED, "delivered")
            .map(ATTEMPT_FAILED, TrackingStatus.FAILURE, "delivery attempt failed, recipient not available")
            .map(AT_PICKUP_POINT, TrackingStatus.AVAILABLE_FOR_PICKUP, "waiting at pickup point")
            .map(COLLECTED, TrackingStatus.DELIVERED, "collected by recipient")
            .map(ADDRESS_NOT_FOUND, TrackingStatus.ERROR, "address not found")
            .map(RETURNED, TrackingStatus.RETURN_TO_SENDER, "returned to sender")
            .map(CANCELLED, TrackingStatus.CANCELLED, "shipment cancelled before pickup")
            .map(DROPPED_OFF, TrackingStatus.IN_TRANSIT, "handed in at a parcel shop")
            .build();

    private SandboxStatusCodes() {
    }
}
