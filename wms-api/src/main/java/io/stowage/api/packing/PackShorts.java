package io.stowage.api.packing;

import io.stowage.api.access.Caller;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.Reservations;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.orders.OrderFulfilment;
import io.stowage.api.orders.OrderStatus;
import io.stowage.api.picking.PickedUnits;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Units the packer does not find at the pack station. Per line (and lot), the missing units are given
 * back to allocation: the order's hold on them is released and the line waits for them again
 * ({@code OrderFulfilment.returnToWaiting}), they are written off the drop-off location to investigate
 * ({@code short_pack}), picking counts them as lost so a later wave picks them anew, and the short is
 * recorded. When nothing of the order is left to pack, an order with cartons all closed and nothing
 * missing is packed; one with units waiting goes back to allocation (partially allocated, or
 * backordered when nothing of it is held) and leaves the session; its closed cartons stay closed.
 */
@Service
class PackShorts {

    /** Units of a line missing, taken from the line's lots with units left to pack, most first. */
    record Short(int lineNo, int quantity) {
    }

    /** What the short did, and where the order stands now. */
    record Outcome(int unitsShort, int unitsWrittenOff, String orderStatus, int orderRemaining) {
    }

    private final DatabaseClient db;
    private final PackSessions sessions;
    private final CartonWork work;
    private final Cartons cartons;
    private final OrderContents orders;
    private final OrderFulfilment fulfilment;
    private final Reservations reservations;
    private final StockLedger ledger;
    private final PickedUnits picked;
    private final OrderPacking packing;

    PackShorts(DatabaseClient db, PackSessions sessions, CartonWork work, Cartons cartons, OrderContents orders, OrderFulfilment fulfilment,
               Reservations reservations, StockLedger ledger, PickedUnits picked, OrderPacking packing) {
        this.db = db;
        this.sessions = sessions;
        this.work = work;
        this.cartons = cartons;
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.reservations = reservations;
        this.ledger = ledger;
        this.picked = picked;
        this.packing = packing;
    }

    /** One part of a short: units of a line and lot. */
    private record Part(OrderContents.Line line, UUID lotKey, int quantity) {
    }

    Mono<Outcome> declare(Caller.Worker packer, UUID sessionId, UUID orderId, List<Short> shorts) {
        return sessions.ownOpenSession(packer, sessionId)
                .flatMap(session -> sessions.openOrders(sessionId).filter(orderId::equals).next()
                        .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.ORDER_NOT_IN_SESSION,
                                "Order " + orderId + " is not packed in session " + sessionId))))
                .then(orders.of(orderId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", orderId))))
                // Lock order as everywhere: the variants' levels first, then the order row.
                .flatMap(order -> reservations.lock(order.merchantId(), order.lines().stream().map(OrderContents.Line::variantId).distinct().toList(),
                                List.of(packer.nodeId())).then()
                        .then(work.lockedUnits(packer.nodeId(), orderId)))
                .flatMap(units -> parts(units, shorts)
                        .flatMap(parts -> picked.dropOff(packer.nodeId())
                                .flatMap(dropOff -> Flux.fromIterable(parts).concatMap(part -> apply(packer, sessionId, units.order(), dropOff, part))
                                        .reduce(0, Integer::sum))
                                .flatMap(writtenOff -> finish(packer, sessionId, orderId)
                                        .map(state -> new Outcome(parts.stream().mapToInt(Part::quantity).sum(), writtenOff, state.orderStatus(),
                                                state.remaining())))));
    }

    /** The declared shorts as line and lot parts, each no more than the units of it not yet in a carton; a 422 problem otherwise. */
    private Mono<List<Part>> parts(OrderUnits units, List<Short> shorts) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < shorts.size(); i++) {
            Short declared = shorts.get(i);
            String field = "lines[" + i + "]";
            OrderContents.Line line = units.order().lines().stream().filter(l -> l.lineNo() == declared.lineNo()).findFirst().orElse(null);
            if (line == null) {
                return Mono.error(ApiProblem.invalid(field + ".line_no", "order " + units.order().id() + " has no line " + declared.lineNo()));
            }
            List<OrderContents.Held> lots = line.held().stream().filter(held -> held.nodeId().equals(units.nodeId()))
                    .filter(held -> units.remaining(line, held.lotKey()) - taken(parts, line, held.lotKey()) > 0)
                    .sorted(Comparator.comparingInt((OrderContents.Held held) -> units.remaining(line, held.lotKey())).reversed())
                    .toList();
            int left = declared.quantity();
            for (OrderContents.Held held : lots) {
                if (left == 0) {
                    break;
                }
                int take = Math.min(left, units.remaining(line, held.lotKey()) - taken(parts, line, held.lotKey()));
                parts.add(new Part(line, held.lotKey(), take));
                left -= take;
            }
            if (left > 0) {
                return Mono.error(ApiProblem.invalid(field + ".quantity", "line " + declared.lineNo() + " has only "
                        + (declared.quantity() - left) + " units left to pack, fewer than the " + declared.quantity() + " declared short"));
            }
        }
        return Mono.just(parts);
    }

    private static int taken(List<Part> parts, OrderContents.Line line, UUID lotKey) {
        return parts.stream().filter(p -> p.line().lineNo() == line.lineNo() && p.lotKey().equals(lotKey)).mapToInt(Part::quantity).sum();
    }

    /** Releases the units to wait, writes them off the drop-off location, tells picking they were lost, and records the short. */
    private Mono<Integer> apply(Caller.Worker packer, UUID sessionId, OrderContents.Contents order, UUID dropOff, Part part) {
        UUID lotKey = part.lotKey();
        return fulfilment.returnToWaiting(order.merchantId(), order.id(), part.line().lineNo(), part.line().variantId(), packer.nodeId(), lotKey,
                        part.quantity())
                .then(picked.lostAfterPicking(packer.nodeId(), order.id(), part.line().lineNo(), lotKey, part.quantity()))
                .then(db.sql("""
                                INSERT INTO pack_shorts (session_id, merchant_id, order_id, line_no, variant_id, lot_key, quantity, written_off, declared_by)
                                VALUES (:session, :merchant, :order, :line, :variant, :lot, :qty, :qty, :actor)
                                RETURNING id
                                """)
                        .bind("session", sessionId).bind("merchant", order.merchantId()).bind("order", order.id()).bind("line", part.line().lineNo())
                        .bind("variant", part.line().variantId()).bind("lot", lotKey).bind("qty", part.quantity()).bind("actor", packer.actor())
                        .map(row -> row.get("id", UUID.class)).one())
                .flatMap(shortId -> ledger.post(new Movement(order.merchantId(), packer.nodeId(), part.line().variantId(),
                        StockLedger.NO_LOT.equals(lotKey) ? null : lotKey, MovementKind.SHORT_PACK, part.quantity(), dropOff, StockStatus.AVAILABLE,
                        null, null, MovementKind.SHORT_PACK.db(), "pack_short", shortId.toString(), packer.actor(), packer.deviceId())))
                .thenReturn(part.quantity());
    }

    /** Nothing left to pack and no carton open: packed when nothing waits, else back to allocation (leaving the session). */
    private Mono<OrderPacking.Finish> finish(Caller.Worker packer, UUID sessionId, UUID orderId) {
        return Mono.zip(orders.of(orderId), cartons.ofOrder(orderId).collectList()).flatMap(parts -> {
            OrderContents.Contents order = parts.getT1();
            OrderUnits units = OrderUnits.of(order, packer.nodeId(), parts.getT2());
            boolean allClosed = parts.getT2().stream().allMatch(CartonView::isClosed);
            if (units.remaining() > 0 || !allClosed) {
                return Mono.just(new OrderPacking.Finish(order.status().db(), units.remaining(), parts.getT2().size()));
            }
            return fulfilment.packedShort(order.merchantId(), orderId, packer.actor(), "units missing at the pack station wait for stock again")
                    .flatMap(status -> status == OrderStatus.PICKED
                            ? packing.finishIfComplete(packer, sessionId, order, packer.nodeId())
                            : sessions.orderDone(sessionId, orderId).thenReturn(new OrderPacking.Finish(status.db(), 0, parts.getT2().size())));
        });
    }
}
