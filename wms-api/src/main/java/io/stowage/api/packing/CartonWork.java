package io.stowage.api.packing;

import io.stowage.api.access.Caller;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.database.Params;
import io.stowage.api.catalog.Variants;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockRefs;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.orders.OrderFulfilment;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.stowage.barcodes.gs1.Gtin;
import io.stowage.barcodes.gs1.InvalidBarcodeException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Cartons at the pack station: the packer opens one for an order of the session, scans every unit
 * into it, and closes it with its box and weight ({@link CartonClosing}). A scan is checked against
 * the order before anything is written: an item of another order, one unit too many, an order
 * cancelled or put on hold meanwhile, a lot other than the allocated one are each refused with their
 * own problem type. Each command locks the order row first, so a cancellation and a scan of the same
 * order never interleave.
 */
@Service
class CartonWork {

    /** What the packer scanned: the item by SKU label or GTIN, its lot when tracked, and how many (1 for a single scan). */
    record Scan(String sku, String gtin, String lotNumber, int quantity) {
    }

    /** A scan's answer: the carton as it is now, and what is left of the line and of the order. */
    record ScanResult(CartonView carton, int lineNo, String sku, int lineRemaining, int orderRemaining) {
    }

    /** A carton row with what the checks need. */
    record Carton(UUID id, UUID merchantId, UUID nodeId, UUID orderId, UUID sessionId, int cartonNumber, String status, String packerName) {
    }

    private final DatabaseClient db;
    private final PackSessions sessions;
    private final Cartons cartons;
    private final OrderContents orders;
    private final OrderFulfilment fulfilment;
    private final Variants variants;
    private final StockRefs refs;

    CartonWork(DatabaseClient db, PackSessions sessions, Cartons cartons, OrderContents orders, OrderFulfilment fulfilment, Variants variants,
               StockRefs refs) {
        this.db = db;
        this.sessions = sessions;
        this.cartons = cartons;
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.variants = variants;
        this.refs = refs;
    }

    /** Opens the order's next carton ("parcel N"); one carton of an order is open at a time. */
    Mono<CartonView> open(Caller.Worker packer, UUID sessionId, UUID orderId) {
        return sessions.ownOpenSession(packer, sessionId)
                .flatMap(session -> requireInSession(sessionId, orderId)
                        .then(lockedUnits(packer.nodeId(), orderId))
                        .flatMap(units -> {
                            if (units.remaining() <= 0) {
                                return Mono.error(ApiProblem.of(ProblemType.NOTHING_TO_PACK, "Every unit of order " + orderId + " is in a carton"));
                            }
                            return db.sql("SELECT id, carton_number FROM cartons WHERE order_id = :order AND status IN ('open', 'recheck')")
                                    .bind("order", orderId)
                                    .map(row -> row.get("carton_number", Integer.class)).all().next()
                                    .flatMap(number -> Mono.<UUID>error(ApiProblem.of(ProblemType.CARTON_ALREADY_OPEN,
                                            "Parcel " + number + " of order " + orderId + " is still open; close it first")))
                                    .switchIfEmpty(Mono.defer(() -> db.sql("""
                                                    INSERT INTO cartons (merchant_id, node_id, order_id, session_id, carton_number, status, packer_name, opened_by)
                                                    SELECT :merchant, :node, :order, :session, coalesce(max(carton_number), 0) + 1, 'open', :packer, :actor
                                                    FROM cartons WHERE order_id = :order
                                                    RETURNING id
                                                    """)
                                            .bind("merchant", units.order().merchantId()).bind("node", packer.nodeId()).bind("order", orderId)
                                            .bind("session", sessionId).bind("packer", packer.name()).bind("actor", packer.actor())
                                            .map(row -> row.get("id", UUID.class)).one()));
                        }))
                .flatMap(cartonId -> cartons.byId(null, cartonId));
    }

    /** Checks the scan against the order and puts the units in the carton; a refusal writes nothing. */
    Mono<ScanResult> scan(Caller.Worker packer, UUID cartonId, Scan scan) {
        return ownCarton(packer, cartonId)
                .flatMap(carton -> {
                    if ("closed".equals(carton.status())) {
                        return Mono.error(ApiProblem.of(ProblemType.CARTON_NOT_OPEN, "Parcel " + carton.cartonNumber() + " is closed"
                                + "; open a new carton for more units"));
                    }
                    return lockedUnits(packer.nodeId(), carton.orderId()).flatMap(units -> scanned(scan)
                            .flatMap(candidates -> matchLine(carton, units, candidates)
                                    .flatMap(match -> lot(match.variant(), scan.lotNumber())
                                            .flatMap(lotKey -> put(carton, units, match, lotKey, scan)))));
                });
    }

    private record Match(OrderContents.Line line, VariantRef variant) {
    }

    /** The variants the scanned code names, of any merchant: the order decides which one is meant. */
    private Mono<List<VariantRef>> scanned(Scan scan) {
        if ((scan.sku() == null) == (scan.gtin() == null)) {
            return Mono.error(ApiProblem.invalid("sku", "scan exactly one of sku or gtin"));
        }
        Optional<String> gtin14 = Optional.empty();
        if (scan.gtin() != null) {
            try {
                gtin14 = Optional.of(Gtin.parse(scan.gtin()).toGtin14());
            } catch (InvalidBarcodeException e) {
                return Mono.error(ApiProblem.invalid("gtin", e.getMessage()));
            }
        }
        return variants.bySkuOrGtin(null, scan.sku(), gtin14.orElse(null)).collectList();
    }

    /**
     * The line of the carton's order with the scanned item and units left to pack. An item only of
     * another order of the session is refused as such (it belongs in that order's carton); an item of
     * no order in the session as not in the order; an item whose units are all packed as one too many.
     */
    private Mono<Match> matchLine(Carton carton, OrderUnits units, List<VariantRef> candidates) {
        String code = candidates.isEmpty() ? null : candidates.get(0).sku();
        List<Match> matches = units.order().lines().stream()
                .flatMap(line -> candidates.stream().filter(variant -> variant.id().equals(line.variantId())).map(variant -> new Match(line, variant)))
                .filter(match -> units.held(match.line(), null) > 0)
                .toList();
        if (!matches.isEmpty()) {
            return Mono.just(matches.stream().filter(match -> units.remaining(match.line(), null) > 0).findFirst().orElse(matches.get(0)));
        }
        return sessions.openOrders(carton.sessionId())
                .filter(other -> !other.equals(carton.orderId()))
                .concatMap(orders::of)
                .filter(other -> other.lines().stream().anyMatch(line -> candidates.stream().anyMatch(variant -> variant.id().equals(line.variantId()))))
                .next()
                .flatMap(other -> Mono.<Match>error(ApiProblem.of(ProblemType.ITEM_OF_ANOTHER_ORDER,
                        "This " + code + " belongs to order " + other.id() + ", not to order " + carton.orderId() + "; put it with that order")))
                .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.ITEM_NOT_IN_ORDER, candidates.isEmpty()
                        ? "No item has this code; set the unit aside for a supervisor"
                        : "Order " + carton.orderId() + " has no " + code + " to pack here; set the unit aside for a supervisor")));
    }

    /** The lot key of the scanned unit: none for untracked items, the scanned lot (which must exist) for tracked ones. */
    private Mono<UUID> lot(VariantRef variant, String lotNumber) {
        return refs.lot(variant, lotNumber, null, false).defaultIfEmpty(StockLedger.NO_LOT);
    }

    private Mono<ScanResult> put(Carton carton, OrderUnits units, Match match, UUID lotKey, Scan scan) {
        OrderContents.Line line = match.line();
        boolean lotAllocated = line.held().stream().anyMatch(held -> held.nodeId().equals(carton.nodeId()) && held.lotKey().equals(lotKey));
        if (!lotAllocated) {
            return Mono.error(ApiProblem.of(ProblemType.WRONG_LOT, "Lot " + scan.lotNumber() + " of " + match.variant().sku()
                    + " is not the lot allocated to order " + carton.orderId() + "; pack a unit of the allocated lot"));
        }
        int remaining = units.remaining(line, lotKey);
        if (scan.quantity() > remaining) {
            return Mono.error(ApiProblem.of(ProblemType.ONE_TOO_MANY, remaining == 0
                    ? "Every unit of " + match.variant().sku() + " for order " + carton.orderId() + " is packed; this one is too many"
                    : "Order " + carton.orderId() + " needs " + remaining + " more " + match.variant().sku() + ", not " + scan.quantity()));
        }
        return db.sql("""
                        INSERT INTO carton_lines (carton_id, order_id, line_no, variant_id, sku, lot_key, lot_number, quantity)
                        VALUES (:carton, :order, :line, :variant, :sku, :lot, :lotNumber, :qty)
                        ON CONFLICT (carton_id, line_no, lot_key) DO UPDATE SET quantity = carton_lines.quantity + EXCLUDED.quantity
                        """)
                .bind("carton", carton.id()).bind("order", carton.orderId()).bind("line", line.lineNo()).bind("variant", match.variant().id())
                .bind("sku", match.variant().sku()).bind("lot", lotKey)
                .bind("lotNumber", Params.nullable(StockLedger.NO_LOT.equals(lotKey) ? null : scan.lotNumber(), String.class))
                .bind("qty", scan.quantity())
                .then()
                // A unit scanned into a carton waiting for a weight re-check (one was forgotten) makes it open again: it is weighed anew at close.
                .then(db.sql("UPDATE cartons SET status = 'open', recheck_reason = NULL WHERE id = :carton AND status = 'recheck'")
                        .bind("carton", carton.id()).then())
                .then(cartons.byId(null, carton.id()))
                .map(view -> new ScanResult(view, line.lineNo(), match.variant().sku(), units.remaining(line, null) - scan.quantity(),
                        units.remaining() - scan.quantity()));
    }

    /** The carton at the caller's node, packed in the caller's own open session. */
    Mono<Carton> ownCarton(Caller.Worker packer, UUID cartonId) {
        return carton(packer, cartonId).flatMap(carton -> sessions.ownOpenSession(packer, carton.sessionId()).thenReturn(carton));
    }

    /** The carton at the caller's node; another node's is not found. */
    Mono<Carton> carton(Caller.Worker worker, UUID cartonId) {
        return db.sql("""
                        SELECT id, merchant_id, node_id, order_id, session_id, carton_number, status, packer_name
                        FROM cartons WHERE id = :carton AND node_id = :node
                        """)
                .bind("carton", cartonId).bind("node", worker.nodeId())
                .map(row -> new Carton(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("node_id", UUID.class),
                        row.get("order_id", UUID.class), row.get("session_id", UUID.class), row.get("carton_number", Integer.class),
                        row.get("status", String.class), row.get("packer_name", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Carton", cartonId)));
    }

    /** Locks the order row, refuses an order that is not packable now, and reads what of it is held and packed at the node. */
    Mono<OrderUnits> lockedUnits(UUID nodeId, UUID orderId) {
        return orders.of(orderId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", orderId)))
                .flatMap(order -> fulfilment.lock(order.merchantId(), orderId)
                        .flatMap(status -> {
                            OrderUnits.requirePackable(orderId, status);
                            // Read again under the lock: a cancellation or a short may have changed the allocations.
                            return Mono.zip(orders.of(orderId), cartons.ofOrder(orderId).collectList())
                                    .map(parts -> OrderUnits.of(parts.getT1(), nodeId, parts.getT2()));
                        }));
    }

    private Mono<Void> requireInSession(UUID sessionId, UUID orderId) {
        return sessions.openOrders(sessionId).filter(orderId::equals).next()
                .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.ORDER_NOT_IN_SESSION,
                        "Order " + orderId + " is not packed in session " + sessionId + "; open a session for it")))
                .then();
    }
}
