package io.stowage.api.shipping;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The payloads of {@code shipment.created} and {@code shipment.voided} (docs/events). Absent values are left out, never null. */
final class ShipmentEvents {

    private ShipmentEvents() {
    }

    /** The label is bought: the carton has its carrier, service and tracking number. */
    static Map<String, Object> created(ShipmentView shipment) {
        Map<String, Object> payload = common(shipment);
        payload.put("service_code", shipment.serviceCode());
        putIfPresent(payload, "carrier_tracking_url", shipment.carrierTrackingUrl());
        payload.put("weight_grams", shipment.weightGrams());
        payload.put("labelled_at", shipment.labelledAt().toString());
        putIfPresent(payload, "selection_reason", shipment.selectionReason());
        return payload;
    }

    /** The label was voided at the carrier before pickup. */
    static Map<String, Object> voided(ShipmentView shipment, String carrierDetail, Instant voidedAt) {
        Map<String, Object> payload = common(shipment);
        payload.put("voided_at", voidedAt.toString());
        putIfPresent(payload, "carrier_detail", carrierDetail);
        return payload;
    }

    private static Map<String, Object> common(ShipmentView shipment) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("shipment_id", shipment.id().toString());
        payload.put("order_id", shipment.orderId().toString());
        payload.put("order_number", shipment.orderNumber());
        payload.put("carton_id", shipment.cartonId().toString());
        payload.put("carton_number", shipment.cartonNumber());
        payload.put("sscc", shipment.sscc());
        payload.put("carrier", shipment.carrier());
        payload.put("tracking_number", shipment.trackingNumber());
        return payload;
    }

    private static void putIfPresent(Map<String, Object> payload, String name, Object value) {
        if (value != null) {
            payload.put(name, value);
        }
    }
}
