package io.stowage.api.orders;

import io.stowage.api.Published;
import io.stowage.api.inventory.Reservations;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the warehouse workflows do to orders: release them to the floor, mark them picked and packed, and give
 * back units a picker could not find so that the line waits for stock again. Each runs in the
 * caller's transaction and writes history and events through {@link OrderTransitions}.
 * <p>
 * Lock order, as everywhere in orders: callers lock the stock levels they will change first, then
 * call {@link #lock} for the order row.
 */
@Service
@Published
public class OrderFulfilment {

    private final DatabaseClient db;
    private final Reservations reservations;
    private final OrderTransitions transitions;

    OrderFulfilment(DatabaseClient db, Reservations reservations, OrderTransitions transitions) {
        this.db = db;
        this.reservations = reservations;
        this.transitions = transitions;
    }

    /** Locks the order row until the transaction ends and returns its status. */
    public Mono<OrderStatus> lock(UUID merchantId, UUID orderId) {
        return db.sql("SELECT status FROM orders WHERE id = :order AND merchant_id = :merchant FOR UPDATE")
                .bind("order", orderId).bind("merchant", merchantId)
                .map(row -> OrderStatus.fromDb(row.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", orderId)));
    }

    /** An allocated order goes to the floor; any other status is a 409 naming it. */
    public Mono<Void> release(UUID merchantId, UUID orderId, String actor, String note) {
        return lock(merchantId, orderId).flatMap(status -> status == OrderStatus.ALLOCATED
                ? transitions.move(merchantId, orderId, status, OrderStatus.RELEASED, actor, note)
                : Mono.error(ApiProblem.of(ProblemType.ORDER_NOT_RELEASABLE, "Order " + orderId + " is " + status.db() + "; only allocated orders are released to the floor")));
    }

    /**
     * Every pick of a released order is done. With nothing waiting it is {@code picked}; when a
     * short pick sent units back to wait, it returns to {@code partially_allocated} (or
     * {@code backordered} when nothing of it is held), where the backorder allocator serves it.
     */
    public Mono<OrderStatus> picksFinished(UUID merchantId, UUID orderId, String actor) {
        return lock(merchantId, orderId).flatMap(status -> {
            if (status != OrderStatus.RELEASED) {
                return Mono.just(status);
            }
            return db.sql("SELECT sum(quantity) AS units, sum(waiting) AS waiting FROM order_lines WHERE order_id = :order")
                    .bind("order", orderId)
                    .map(row -> {
                        int waiting = row.get("waiting", Number.class).intValue();
                        return waiting == 0 ? OrderStatus.PICKED
                                : OrderTransitions.afterAllocation(row.get("units", Number.class).intValue(), waiting);
                    })
                    .one()
                    .flatMap(to -> transitions.move(merchantId, orderId, status, to, actor,
                            to == OrderStatus.PICKED ? "all units picked" : "picked short; the rest waits for stock").thenReturn(to));
        });
    }

    /**
     * Every unit of a picked order is in a closed carton: it is {@code packed}. Any other status is a
     * 409 naming it (an order cancelled or put on hold while it was packed is not packed).
     */
    public Mono<Void> packed(UUID merchantId, UUID orderId, String actor, String note) {
        return lock(merchantId, orderId).flatMap(status -> status == OrderStatus.PICKED
                ? transitions.move(merchantId, orderId, status, OrderStatus.PACKED, actor, note)
                : Mono.error(ApiProblem.of(ProblemType.ORDER_NOT_PACKABLE, "Order " + orderId + " is " + status.db() + "; only picked orders are packed")));
    }

    /**
     * The cartons of a packed order have left the building: it is shipped. An order shipped already
     * stays so. Any other status (held, cancelled, not packed yet) is a 409 naming it, so that the
     * carton is taken off the trailer rather than leaving with an order that must not ship.
     */
    public Mono<Void> shipped(UUID merchantId, UUID orderId, String actor, String note) {
        return lock(merchantId, orderId).flatMap(status -> switch (status) {
            case PACKED -> transitions.move(merchantId, orderId, status, OrderStatus.SHIPPED, actor, note);
            case SHIPPED -> Mono.<Void>empty();
            default -> Mono.<Void>error(notPacked(orderId, status));
        });
    }

    /**
     * Every parcel of a shipped order has reached the customer: it is {@code delivered}, with its history
     * entry and {@code order.status_changed}. Answers whether this call moved it. Idempotent: a delivered
     * order stays so and nothing is written again. An order in any other status is left alone (a parcel
     * scanned as delivered before its load's manifest closed does not skip {@code shipped}). Locks the
     * order row first, so two parcels delivered at once see each other: the second to lock moves it.
     *
     * @param allDelivered asked after the lock is held: whether every parcel of the order is delivered
     */
    public Mono<Boolean> delivered(UUID merchantId, UUID orderId, Mono<Boolean> allDelivered, String actor, String note) {
        return lock(merchantId, orderId).flatMap(status -> status != OrderStatus.SHIPPED ? Mono.just(false)
                : allDelivered.flatMap(all -> all
                        ? transitions.move(merchantId, orderId, status, OrderStatus.DELIVERED, actor, note).thenReturn(true)
                        : Mono.just(false)));
    }

    /** The order may ship: it is packed (or shipped, by an earlier carton); otherwise a 409 naming its status. Locks the order row. */
    public Mono<OrderStatus> requireShippable(UUID merchantId, UUID orderId) {
        return lock(merchantId, orderId).flatMap(status -> status == OrderStatus.PACKED || status == OrderStatus.SHIPPED
                ? Mono.just(status) : Mono.error(notPacked(orderId, status)));
    }

    private static ApiProblem notPacked(UUID orderId, OrderStatus status) {
        return ApiProblem.of(ProblemType.ORDER_NOT_PACKED, "Order " + orderId + " is " + status.db()
                + "; only a packed order ships, so its cartons stay off the trailer");
    }

    /**
     * Units of a picked order were missing at the pack station and were given back to wait ({@link
     * #returnToWaiting}); once nothing of it is left to pack, the order waits with them: {@code
     * partially_allocated} (or {@code backordered} when nothing of it is held), where the backorder
     * allocator serves it and a later wave picks the units again. Answers the order's status.
     */
    public Mono<OrderStatus> packedShort(UUID merchantId, UUID orderId, String actor, String note) {
        return lock(merchantId, orderId).flatMap(status -> {
            if (status != OrderStatus.PICKED) {
                return Mono.just(status);
            }
            return db.sql("SELECT sum(quantity) AS units, sum(waiting) AS waiting FROM order_lines WHERE order_id = :order")
                    .bind("order", orderId)
                    .map(row -> row.get("waiting", Number.class).intValue() == 0 ? OrderStatus.PICKED
                            : OrderTransitions.afterAllocation(row.get("units", Number.class).intValue(), row.get("waiting", Number.class).intValue()))
                    .one()
                    .flatMap(to -> to == OrderStatus.PICKED ? Mono.just(to)
                            : transitions.move(merchantId, orderId, status, to, actor, note).thenReturn(to));
        });
    }

    /**
     * Gives {@code units} of a line held at a node (and lot) back to sale and makes them wait: the
     * open allocations shrink, the reservation is released and the line's waiting count rises, so
     * that reserved stock keeps matching open allocations. Callers hold the level lock.
     */
    public Mono<Void> returnToWaiting(UUID merchantId, UUID orderId, int lineNo, UUID variantId, UUID nodeId, UUID lotKey,
                                      int units) {
        if (units <= 0) {
            return Mono.empty();
        }
        return shrinkAllocations(orderId, lineNo, nodeId, lotKey, units, "give back")
                .then(reservations.release(merchantId, List.of(new Reservations.Hold(variantId, nodeId, units))))
                .then(db.sql("UPDATE order_lines SET waiting = waiting + :units WHERE order_id = :order AND line_no = :line")
                        .bind("units", units).bind("order", orderId).bind("line", lineNo).then());
    }

    /**
     * {@code units} of a line held at a node (and lot) left the node in a carton: the open allocations
     * shrink by them and the line counts them shipped, so that a line's units stay its allocations
     * plus its waiting plus its shipped ones. The reservation ends with the units in the same
     * transaction: the caller ships them through {@code StockLedger.ship}, which lowers the node's
     * reserved units with its on-hand ones. Callers hold the level lock, then the order's.
     */
    public Mono<Void> unitsShipped(UUID orderId, int lineNo, UUID nodeId, UUID lotKey, int units) {
        if (units <= 0) {
            return Mono.empty();
        }
        return shrinkAllocations(orderId, lineNo, nodeId, lotKey, units, "ship")
                .then(db.sql("UPDATE order_lines SET shipped = shipped + :units WHERE order_id = :order AND line_no = :line")
                        .bind("units", units).bind("order", orderId).bind("line", lineNo).then());
    }

    /** The line's open allocations at the node and lot shrink by {@code units}, newest first; an error when they hold fewer. */
    private Mono<Void> shrinkAllocations(UUID orderId, int lineNo, UUID nodeId, UUID lotKey, int units, String why) {
        return db.sql("""
                        SELECT id, quantity FROM order_allocations
                        WHERE order_id = :order AND line_no = :line AND node_id = :node AND lot_key = :lot AND released_at IS NULL
                        ORDER BY id DESC
                        FOR UPDATE
                        """)
                .bind("order", orderId).bind("line", lineNo).bind("node", nodeId).bind("lot", lotKey)
                .map(row -> new long[] {row.get("id", Long.class), row.get("quantity", Integer.class)})
                .all().collectList()
                .flatMap(open -> {
                    long held = open.stream().mapToLong(allocation -> allocation[1]).sum();
                    if (held < units) {
                        return Mono.error(new IllegalStateException("Line " + orderId + "/" + lineNo + " holds " + held
                                + " units at the node, fewer than the " + units + " to " + why));
                    }
                    return Flux.fromIterable(shrink(open, units)).concatMap(this::applyShrink).then();
                });
    }

    /** Newest allocations give back first; a partly given back allocation is closed and replaced by one for what stays held. */
    private static List<long[]> shrink(List<long[]> open, int units) {
        int left = units;
        List<long[]> changes = new ArrayList<>();
        for (long[] allocation : open) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(left, allocation[1]);
            changes.add(new long[] {allocation[0], allocation[1] - taken});
            left -= (int) taken;
        }
        return changes;
    }

    private Mono<Void> applyShrink(long[] change) {
        Mono<Void> close = db.sql("UPDATE order_allocations SET released_at = now() WHERE id = :id").bind("id", change[0]).then();
        if (change[1] == 0) {
            return close;
        }
        return close.then(db.sql("""
                        INSERT INTO order_allocations (merchant_id, order_id, line_no, variant_id, node_id, lot_key, quantity)
                        SELECT merchant_id, order_id, line_no, variant_id, node_id, lot_key, :kept FROM order_allocations WHERE id = :id
                        """)
                .bind("kept", (int) change[1]).bind("id", change[0]).then());
    }
}
