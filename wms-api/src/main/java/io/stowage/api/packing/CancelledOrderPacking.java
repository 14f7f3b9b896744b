package io.stowage.api.packing;

import io.stowage.api.boxes.PackagingStock;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.orders.OrderStatus;
import io.stowage.api.orders.OrderStatusChange;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import io.stowage.api.webhooks.OutboxSubscriber;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An order cancelled while it waits at the pack station leaves packing: its cartons not yet closed
 * (open, or waiting for a weight re-check) become {@code cancelled}, the order leaves its pack session,
 * and a session with no order left open closes. Nothing of the order will go into a carton any more:
 * its units stay booked at the pack station, where the put-back task made for the same cancellation
 * (picking) carries them back to their shelves. Closed cartons keep their shipments; a label already
 * bought is the supervisor's to void. They are unpacked at the station, so the box each took from the
 * node's packaging stock goes back there ({@code boxes.PackagingStock}), once per carton however often
 * the event is handled. Runs in the fan-out's transaction, once per event, on whichever instance claims it.
 */
@Component
class CancelledOrderPacking implements OutboxSubscriber {

    private final DatabaseClient db;
    private final PackagingStock packaging;
    private final OrderContents orders;

    CancelledOrderPacking(DatabaseClient db, PackagingStock packaging, OrderContents orders) {
        this.db = db;
        this.packaging = packaging;
        this.orders = orders;
    }

    @Override
    public boolean wants(String eventType) {
        return EventTypes.ORDER_STATUS_CHANGED.equals(eventType);
    }

    @Override
    public Mono<Void> handle(OutboxEvent event) {
        return OrderStatusChange.of(event).filter(change -> change.isTo("cancelled"))
                .map(change -> closeCartonsAndSessions(change.orderId()).then(returnBoxes(change.orderId()))).orElse(Mono.empty());
    }

    /** The boxes of the order's closed cartons, back to the packaging stock they were taken from, by whoever cancelled the order. */
    private Mono<Void> returnBoxes(UUID orderId) {
        return orders.movedBy(orderId, OrderStatus.CANCELLED).defaultIfEmpty("system")
                .flatMap(cancelledBy -> db.sql("SELECT id FROM cartons WHERE order_id = :order AND status = 'closed' ORDER BY carton_number")
                        .bind("order", orderId).map(row -> row.get("id", UUID.class)).all()
                        .concatMap(cartonId -> packaging.returnForCarton(cartonId, cancelledBy))
                        .then());
    }

    private Mono<Void> closeCartonsAndSessions(UUID orderId) {
        return db.sql("""
                        UPDATE cartons SET status = 'cancelled', cancelled_at = clock_timestamp()
                        WHERE order_id = :order AND status IN ('open', 'recheck')
                        """)
                .bind("order", orderId).then()
                .then(db.sql("UPDATE pack_session_orders SET open = false WHERE order_id = :order AND open RETURNING session_id")
                        .bind("order", orderId).map(row -> row.get("session_id", UUID.class)).all().collectList())
                .flatMap(sessions -> sessions.isEmpty() ? Mono.empty() : db.sql("""
                                UPDATE pack_sessions s SET status = 'closed', closed_at = clock_timestamp()
                                WHERE s.id = ANY(:sessions) AND s.status = 'open'
                                  AND NOT EXISTS (SELECT 1 FROM pack_session_orders o WHERE o.session_id = s.id AND o.open)
                                """)
                        .bind("sessions", sessions.toArray(UUID[]::new)).then());
    }
}
