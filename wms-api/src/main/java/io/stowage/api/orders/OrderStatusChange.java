package io.stowage.api.orders;

import io.stowage.api.Published;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order's move as {@code order.status_changed} tells it, read one way by every feature that
 * follows orders through the outbox (packing, the day plan, tracking).
 *
 * @param to the status the order moved to, as the event names it ({@code shipped}, {@code cancelled})
 */
@Published
public record OrderStatusChange(UUID orderId, String to) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The move an {@code order.status_changed} event tells of; empty for any other event and for one
     * without an order's id (subscribers must pass over events they cannot place).
     */
    public static Optional<OrderStatusChange> of(OutboxEvent event) {
        if (!EventTypes.ORDER_STATUS_CHANGED.equals(event.type())) {
            return Optional.empty();
        }
        JsonNode payload = JSON.readTree(event.payload());
        try {
            return Optional.of(new OrderStatusChange(UUID.fromString(payload.path("order_id").asString("")), payload.path("to").asString("")));
        } catch (IllegalArgumentException notAnOrderId) {
            return Optional.empty();
        }
    }

    public boolean isTo(String status) {
        return to.equals(status);
    }
}
