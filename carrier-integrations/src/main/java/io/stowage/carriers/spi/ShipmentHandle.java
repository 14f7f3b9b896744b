package io.stowage.carriers.spi;

/** What the service stores to address a shipment at its carrier later (cancel, track). */
public record ShipmentHandle(TrackingKey trackingKey, String carrierShipmentId) {
}
