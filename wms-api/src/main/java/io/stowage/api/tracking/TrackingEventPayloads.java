package io.stowage.api.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The payloads of the four tracking events (docs/events). Absent values are left out, never null. */
final class TrackingEventPayloads {

    private TrackingEventPayloads() {
    }

    static Map<String, Object> trackingUpdated(ShipmentTracking.Summary shipment, String previousStatus, Instant occurredAt) {
        Map<String, Object> payload = common(shipment, occurredAt);
        putIfPresent(payload, "previous_status", previousStatus);
        putIfPresent(payload, "description", shipment.lastEventDescription());
        putIfPresent(payload, "location", blankToNull(shipment.lastEventLocation()));
        putIfPresent(payload, "eta", eta(shipment.eta()));
        ShipmentTracking.PickupPoint point = shipment.pickupPoint();
        if (point != null) {
            Map<String, Object> pickup = new LinkedHashMap<>();
            pickup.put("name", point.name());
            putIfPresent(pickup, "address", point.address());
            putIfPresent(pickup, "opening_hours", point.openingHours() == null ? null : point.openingHours().payload());
            pickup.put("collect_by", point.collectBy().toString());
            payload.put("pickup_point", pickup);
        }
        return payload;
    }

    static Map<String, Object> delivered(ShipmentTracking.Summary shipment) {
        Map<String, Object> payload = common(shipment, shipment.deliveredAt());
        putIfPresent(payload, "location", blankToNull(shipment.lastEventLocation()));
        putIfPresent(payload, "promised_on", date(shipment.promisedOn()));
        return payload;
    }

    static Map<String, Object> delayed(ShipmentTracking.Summary shipment, String reason, Instant noticedAt) {
        Map<String, Object> payload = common(shipment, noticedAt);
        payload.put("reason", reason);
        putIfPresent(payload, "eta", eta(shipment.eta()));
        putIfPresent(payload, "promised_by", date(shipment.promisedOn()));
        return payload;
    }

    static Map<String, Object> exception(ShipmentTracking.Summary shipment, String reason, Instant occurredAt, String location) {
        Map<String, Object> payload = common(shipment, occurredAt);
        payload.put("reason", reason);
        putIfPresent(payload, "location", blankToNull(location));
        return payload;
    }

    private static Map<String, Object> common(ShipmentTracking.Summary shipment, Instant occurredAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("shipment_id", shipment.shipmentId().toString());
        payload.put("order_id", shipment.orderId().toString());
        payload.put("order_number", shipment.orderNumber());
        payload.put("carrier", shipment.carrier());
        payload.put("service_code", shipment.serviceCode());
        payload.put("tracking_number", shipment.trackingNumber());
        payload.put("status", shipment.status());
        payload.put("occurred_at", occurredAt.toString());
        return payload;
    }

    private static Map<String, Object> eta(ShipmentTracking.Eta eta) {
        if (eta == null) {
            return null;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("from", eta.from().toString());
        value.put("to", eta.to().toString());
        value.put("basis", eta.basis());
        return value;
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static void putIfPresent(Map<String, Object> payload, String name, Object value) {
        if (value != null) {
            payload.put(name, value);
        }
    }
}
