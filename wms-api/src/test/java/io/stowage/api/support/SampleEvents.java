package io.stowage.api.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Event payloads for tests that write to the outbox themselves; shaped as the published schemas ask. */
public final class SampleEvents {

    private SampleEvents() {
    }

    /** An {@code order.accepted} payload for a new order of one unit, from the given channel. */
    public static Map<String, Object> orderAccepted(String channel) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("order_id", UUID.randomUUID());
        payload.put("channel", channel);
        payload.put("service_level", "standard");
        payload.put("lines", List.of(Map.of("sku", "SAMPLE-1", "quantity", 1)));
        return payload;
    }

    /** An {@code order.cancelled} payload: the order was allocated. */
    public static Map<String, Object> orderCancelled() {
        return Map.of("order_id", UUID.randomUUID(), "from", "allocated", "to", "cancelled");
    }

    /** An {@code order.status_changed} payload: the order moved from released to picked. */
    public static Map<String, Object> orderStatusChanged() {
        return Map.of("order_id", UUID.randomUUID(), "from", "released", "to", "picked");
    }

    /** A {@code stock.level_changed} payload: a receipt brought the variant to {@code available}. */
    public static Map<String, Object> stockLevelChanged(String sku, int available) {
        return Map.of("sku", sku, "variant_id", UUID.randomUUID(), "available", available, "change", available, "reason", "receipt");
    }

    /** A {@code variant.back_in_stock} payload for a variant nobody waits for. */
    public static Map<String, Object> variantBackInStock(String sku, int available) {
        return Map.of("sku", sku, "variant_id", UUID.randomUUID(), "available", available, "waiting_subscribers", 0);
    }
}
