package io.stowage.api.tracking;

import io.stowage.api.orders.OrderFulfilment;
import io.stowage.api.orders.OrderStatusChange;
import io.stowage.api.shipping.ShipmentView;
import io.stowage.api.shipping.Shipments;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import io.stowage.api.webhooks.OutboxSubscriber;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A shipped order whose every parcel is delivered becomes {@code delivered}. Asked from both sides,
 * because either may come last: a parcel's delivery ({@link ParcelLedger}), and the order's move to
 * {@code shipped} ({@code order.status_changed}), which comes after the deliveries when a carrier
 * scanned a parcel delivered before its load's manifest closed. Each asks under the order's lock
 * ({@link OrderFulfilment#delivered}), so the order moves once whichever comes last.
 * <p>
 * As a subscriber it runs in the outbox fan-out's transaction, once per event, whichever instance
 * claims it. An order of which no parcel is delivered has nothing to check, which also leaves alone
 * events about orders this merchant does not have.
 */
@Component
class DeliveredOrders implements OutboxSubscriber {

    private final DatabaseClient db;
    private final OrderFulfilment orders;
    private final Shipments shipments;

    DeliveredOrders(DatabaseClient db, OrderFulfilment orders, Shipments shipments) {
        this.db = db;
        this.orders = orders;
        this.shipments = shipments;
    }

    /** Moves the order to {@code delivered} if it is shipped and every parcel of it is delivered; call inside a transaction. */
    Mono<Void> deliverIfEveryParcelIs(UUID merchantId, UUID orderId, String note) {
        return orders.delivered(merchantId, orderId, everyParcelDelivered(orderId), ParcelLedger.ACTOR, note).then();
    }

    @Override
    public boolean wants(String eventType) {
        return EventTypes.ORDER_STATUS_CHANGED.equals(eventType);
    }

    @Override
    public Mono<Void> handle(OutboxEvent event) {
        return OrderStatusChange.of(event).filter(change -> change.isTo("shipped"))
                .map(change -> anyParcelDelivered(event.merchantId(), change.orderId())
                        .flatMap(any -> any ? deliverIfEveryParcelIs(event.merchantId(), change.orderId(), "every parcel delivered before the order shipped")
                                : Mono.<Void>empty()))
                .orElse(Mono.empty());
    }

    private Mono<Boolean> anyParcelDelivered(UUID merchantId, UUID orderId) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM shipment_tracking
                                       WHERE order_id = :order AND merchant_id = :merchant AND delivered_at IS NOT NULL) AS delivered
                        """)
                .bind("order", orderId).bind("merchant", merchantId)
                .map(row -> Boolean.TRUE.equals(row.get("delivered", Boolean.class)))
                .one();
    }

    /**
     * Whether every parcel of the order is delivered: each of its shipments that got a label and was not
     * voided has a delivery on its tracking. A parcel whose carrier cannot be tracked keeps the order shipped.
     */
    private Mono<Boolean> everyParcelDelivered(UUID orderId) {
        return shipments.ofOrder(orderId)
                .filter(shipment -> !ShipmentView.VOIDED.equals(shipment.status()) && !ShipmentView.LABEL_FAILED.equals(shipment.status()))
                .concatMap(shipment -> db.sql("SELECT delivered_at IS NOT NULL AS delivered FROM shipment_tracking WHERE shipment_id = :id")
                        .bind("id", shipment.id()).map(row -> Boolean.TRUE.equals(row.get("delivered", Boolean.class))).one()
                        .defaultIfEmpty(false))
                .all(Boolean::booleanValue);
    }
}
