package io.stowage.api.orders;

import io.stowage.api.database.Params;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.webhooks.EventTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Moves an order to another status: the row, a history entry and the events, together in the
 * caller's transaction. Every move writes {@code order.status_changed}; moves that mean something
 * to a store write their own event as well ({@code order.allocated} when units are held for it,
 * {@code order.backordered} when some must wait, {@code order.cancelled}).
 */
@Component
class OrderTransitions {

    private final DatabaseClient db;
    private final Outbox outbox;

    OrderTransitions(DatabaseClient db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /** The accepted order's {@code order.accepted} event; intake writes its first history entry with the order row. */
    static Outbox.Event accepted(UUID orderId, Object payload) {
        return new Outbox.Event(EventTypes.ORDER_ACCEPTED, orderId.toString(), payload);
    }

    Mono<Void> move(UUID merchantId, UUID orderId, OrderStatus from, OrderStatus to, String actor, String note) {
        if (!from.canMoveTo(to)) {
            return Mono.error(new IllegalStateException("An order cannot move from " + from + " to " + to));
        }
        List<Outbox.Event> events = events(orderId, from, to, statusChanged(orderId, from, to, note));
        // The status and its history entry in one statement, the events in another: a move costs two round trips.
        return db.sql("""
                        WITH moved AS (
                            UPDATE orders SET status = :to, updated_at = clock_timestamp(),
                                   status_before_hold = CASE WHEN :to = 'on_hold' THEN :from END
                            WHERE id = :order AND merchant_id = :merchant AND status = :from
                            RETURNING id
                        ), entry AS (
                            INSERT INTO order_history (order_id, merchant_id, from_status, to_status, actor, note)
                            SELECT id, :merchant, :from, :to, :actor, :note FROM moved
                        )
                        SELECT count(*) AS moved FROM moved
                        """)
                .bind("to", to.db()).bind("from", from.db()).bind("order", orderId).bind("merchant", merchantId)
                .bind("actor", actor).bind("note", Params.nullable(note, String.class))
                .map(row -> row.get("moved", Long.class))
                .one()
                .flatMap(moved -> moved == 1 ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("Order " + orderId + " was not in status " + from)))
                .then(outbox.appendAll(merchantId, events));
    }

    /** The events of a move: {@code order.status_changed}, and the move's own event where it has one. */
    static List<Outbox.Event> events(UUID orderId, OrderStatus from, OrderStatus to, Map<String, Object> payload) {
        List<Outbox.Event> events = new ArrayList<>();
        events.add(new Outbox.Event(EventTypes.ORDER_STATUS_CHANGED, orderId.toString(), payload));
        switch (to) {
            case ALLOCATED -> events.add(new Outbox.Event(EventTypes.ORDER_ALLOCATED, orderId.toString(), Map.of("order_id", orderId, "complete", true)));
            case PARTIALLY_ALLOCATED -> {
                events.add(new Outbox.Event(EventTypes.ORDER_ALLOCATED, orderId.toString(), Map.of("order_id", orderId, "complete", false)));
                if (from != OrderStatus.BACKORDERED) {
                    events.add(new Outbox.Event(EventTypes.ORDER_BACKORDERED, orderId.toString(), Map.of("order_id", orderId, "complete", false)));
                }
            }
            case BACKORDERED -> events.add(new Outbox.Event(EventTypes.ORDER_BACKORDERED, orderId.toString(), Map.of("order_id", orderId, "complete", true)));
            case CANCELLED -> events.add(new Outbox.Event(EventTypes.ORDER_CANCELLED, orderId.toString(), payload));
            default -> {
            }
        }
        return events;
    }

    /** The payload of {@code order.status_changed}. */
    static Map<String, Object> statusChanged(UUID orderId, OrderStatus from, OrderStatus to, String note) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("order_id", orderId);
        payload.put("from", from.db());
        payload.put("to", to.db());
        if (note != null) {
            payload.put("note", note);
        }
        return payload;
    }

    /** Records in the history why an order changed without changing its status: an entry from the status to itself. */
    Mono<Void> remark(UUID merchantId, UUID orderId, OrderStatus status, String actor, String note) {
        return history(merchantId, orderId, status, status, actor, note);
    }

    private Mono<Void> history(UUID merchantId, UUID orderId, OrderStatus from, OrderStatus to, String actor, String note) {
        return db.sql("""
                        INSERT INTO order_history (order_id, merchant_id, from_status, to_status, actor, note)
                        VALUES (:order, :merchant, :from, :to, :actor, :note)
                        """)
                .bind("order", orderId).bind("merchant", merchantId)
                .bind("from", Params.nullable(from == null ? null : from.db(), String.class))
                .bind("to", to.db()).bind("actor", actor)
                .bind("note", Params.nullable(note, String.class))
                .then();
    }

    /** The status a set of lines puts an order in once allocation has run. */
    static OrderStatus afterAllocation(int units, int waiting) {
        if (waiting == 0) {
            return OrderStatus.ALLOCATED;
        }
        return waiting == units ? OrderStatus.BACKORDERED : OrderStatus.PARTIALLY_ALLOCATED;
    }
}
