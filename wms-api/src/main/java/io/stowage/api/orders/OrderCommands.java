package io.stowage.api.orders;

import io.stowage.api.access.Caller;
import io.stowage.api.inventory.Reservations;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What a merchant may do to an order before it ships: cancel it (its reservations go back to sale
 * in the same transaction), put it on hold (allocation and the warehouse leave it alone), and lift
 * the hold (it returns to where it was). Each runs in the caller's transaction.
 * <p>
 * Lock order, shared with intake and the backorder allocator so that none of them wait on each
 * other in a circle: stock level rows first, then the order row.
 */
@Service
class OrderCommands {

    private final DatabaseClient db;
    private final Reservations reservations;
    private final OrderTransitions transitions;
    private final OrderQueries queries;

    OrderCommands(DatabaseClient db, Reservations reservations, OrderTransitions transitions, OrderQueries queries) {
        this.db = db;
        this.reservations = reservations;
        this.transitions = transitions;
        this.queries = queries;
    }

    Mono<OrderView> cancel(Caller.Merchant merchant, UUID orderId, String reason) {
        UUID merchantId = merchant.merchantId();
        return openHolds(merchantId, orderId)
                .flatMap(before -> reservations.lock(merchantId, before.stream().map(Reservations.Hold::variantId).toList(),
                        before.stream().map(Reservations.Hold::nodeId).toList()).then())
                .then(lockOrder(merchantId, orderId))
                .flatMap(status -> {
                    if (status == OrderStatus.CANCELLED) {
                        return Mono.error(ApiProblem.of(ProblemType.ORDER_ALREADY_CANCELLED, "Order " + orderId + " is already cancelled"));
                    }
                    if (!status.canMoveTo(OrderStatus.CANCELLED)) {
                        return Mono.error(ApiProblem.of(ProblemType.ORDER_NOT_CANCELLABLE, "Order " + orderId + " is " + status.db() + "; only orders that have not shipped can be cancelled"));
                    }
                    // A carton of it on a closed load has left the building: those units cannot come back by cancelling.
                    return shippedUnits(orderId).flatMap(shipped -> shipped > 0
                            ? Mono.error(ApiProblem.of(ProblemType.ORDER_NOT_CANCELLABLE, "Order " + orderId + " has " + shipped
                                    + " units shipped already in a carton that left; only orders that have not shipped can be cancelled"))
                            : openHolds(merchantId, orderId))
                            .flatMap(holds -> db.sql("UPDATE order_allocations SET released_at = now() WHERE order_id = :order AND released_at IS NULL")
                                    .bind("order", orderId).then()
                                    .then(reservations.release(merchantId, holds)))
                            .then(db.sql("UPDATE order_lines SET waiting = 0, expected_on = NULL WHERE order_id = :order")
                                    .bind("order", orderId).then())
                            .then(transitions.move(merchantId, orderId, status, OrderStatus.CANCELLED, merchant.actor(), reason));
                })
                .then(Mono.defer(() -> queries.get(merchantId, orderId)));
    }

    Mono<OrderView> hold(Caller.Merchant merchant, UUID orderId, String reason) {
        UUID merchantId = merchant.merchantId();
        return lockOrder(merchantId, orderId)
                .flatMap(status -> status.canMoveTo(OrderStatus.ON_HOLD)
                        ? transitions.move(merchantId, orderId, status, OrderStatus.ON_HOLD, merchant.actor(), reason)
                        : Mono.error(ApiProblem.of(ProblemType.ORDER_NOT_HOLDABLE, "Order " + orderId + " is " + status.db() + "; only orders that have not shipped can be held")))
                .then(Mono.defer(() -> queries.get(merchantId, orderId)));
    }

    Mono<OrderView> releaseHold(Caller.Merchant merchant, UUID orderId) {
        UUID merchantId = merchant.merchantId();
        return lockOrder(merchantId, orderId)
                .flatMap(status -> status != OrderStatus.ON_HOLD
                        ? Mono.error(ApiProblem.of(ProblemType.ORDER_NOT_ON_HOLD, "Order " + orderId + " is " + status.db()))
                        : db.sql("SELECT status_before_hold FROM orders WHERE id = :order")
                                .bind("order", orderId)
                                .map(row -> OrderStatus.fromDb(row.get("status_before_hold", String.class))).one()
                                .flatMap(previous -> transitions.move(merchantId, orderId, OrderStatus.ON_HOLD, previous, merchant.actor(), "hold released")))
                .then(Mono.defer(() -> queries.get(merchantId, orderId)));
    }

    private Mono<OrderStatus> lockOrder(UUID merchantId, UUID orderId) {
        return db.sql("SELECT status FROM orders WHERE id = :order AND merchant_id = :merchant FOR UPDATE")
                .bind("order", orderId).bind("merchant", merchantId)
                .map(row -> OrderStatus.fromDb(row.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", orderId)));
    }

    private Mono<Long> shippedUnits(UUID orderId) {
        return db.sql("SELECT coalesce(sum(shipped), 0) AS shipped FROM order_lines WHERE order_id = :order")
                .bind("order", orderId).map(row -> row.get("shipped", Number.class).longValue()).one();
    }

    private Mono<List<Reservations.Hold>> openHolds(UUID merchantId, UUID orderId) {
        return db.sql("""
                        SELECT variant_id, node_id, sum(quantity) AS quantity FROM order_allocations
                        WHERE order_id = :order AND merchant_id = :merchant AND released_at IS NULL
                        GROUP BY variant_id, node_id
                        """)
                .bind("order", orderId).bind("merchant", merchantId)
                .map(row -> new Reservations.Hold(row.get("variant_id", UUID.class), row.get("node_id", UUID.class),
                        row.get("quantity", Number.class).intValue()))
                .all().collectList();
    }
}
