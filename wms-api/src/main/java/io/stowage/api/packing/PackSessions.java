package io.stowage.api.packing;

import io.stowage.api.access.Caller;
import io.stowage.api.catalog.VariantDescriptions;
import io.stowage.api.database.Params;
import io.stowage.api.inventory.LotNumbers;
import io.stowage.api.network.LocationType;
import io.stowage.api.network.Network;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.picking.PickedUnits;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A packer's session at a pack station: opened by scanning a tote of a picked batch (every picked
 * order in it) or an order number, it lists per order what must go in. An order is in at most one
 * open session; the session's packer alone packs its cartons.
 */
@Service
class PackSessions {

    /** What the packer scanned: the station, and either an order or a batch's tote. */
    record Opening(String stationCode, UUID orderId, UUID batchId, Integer tote) {
    }

    /** The session row, with what its checks need. */
    record Session(UUID id, UUID nodeId, UUID stationId, UUID packerId, String packerName, String status, UUID batchId, Integer tote,
                   OffsetDateTime openedAt, OffsetDateTime closedAt) {
    }

    private final DatabaseClient db;
    private final Network network;
    private final PickedUnits picked;
    private final OrderContents orders;
    private final VariantDescriptions descriptions;
    private final Cartons cartons;
    private final BoxAdvice advice;
    private final LotNumbers lotNumbers;

    PackSessions(DatabaseClient db, Network network, PickedUnits picked, OrderContents orders, VariantDescriptions descriptions, Cartons cartons,
                 BoxAdvice advice, LotNumbers lotNumbers) {
        this.lotNumbers = lotNumbers;
        this.db = db;
        this.network = network;
        this.picked = picked;
        this.orders = orders;
        this.descriptions = descriptions;
        this.cartons = cartons;
        this.advice = advice;
    }

    /** Opens a session in the caller's transaction; checks come first and refuse without writing. */
    Mono<PackSessionView> open(Caller.Worker packer, Opening opening) {
        return network.scannedLocation(packer.nodeId(), "station_code", opening.stationCode())
                .flatMap(station -> {
                    if (!LocationType.PACK_STATION.json().equals(station.type())) {
                        return Mono.error(ApiProblem.of(ProblemType.NOT_A_PACK_STATION, "Location " + station.code() + " is a " + station.type()
                                + ", not a pack station"));
                    }
                    return ordersScanned(packer, opening).collectList()
                            .flatMap(scanned -> admit(packer, scanned))
                            .flatMap(admitted -> insert(packer, station.id(), opening, admitted.packable())
                                    .flatMap(sessionId -> view(packer, sessionId, admitted.setAside())));
                });
    }

    private Flux<OrderContents.Contents> ordersScanned(Caller.Worker packer, Opening opening) {
        Flux<UUID> ids = opening.orderId() != null ? Flux.just(opening.orderId())
                : picked.ordersInTote(packer.nodeId(), opening.batchId(), opening.tote())
                        .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.NOTHING_TO_PACK,
                                "Tote " + opening.tote() + " of batch " + opening.batchId() + " holds no picked units at this node")));
        return ids.concatMap(id -> orders.of(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", id))));
    }

    private record Admitted(List<OrderContents.Contents> packable, List<PackSessionView.SetAside> setAside) {
    }

    /**
     * Picked orders go into the session; a tote's cancelled or held orders are set aside with the
     * reason. When nothing is left to pack, the first order's refusal is the answer.
     */
    private Mono<Admitted> admit(Caller.Worker packer, List<OrderContents.Contents> scanned) {
        List<OrderContents.Contents> packable = new ArrayList<>();
        List<PackSessionView.SetAside> setAside = new ArrayList<>();
        ApiProblem firstRefusal = null;
        for (OrderContents.Contents order : scanned) {
            try {
                OrderUnits.requirePackable(order.id(), order.status());
                if (OrderUnits.of(order, packer.nodeId(), List.of()).held() == 0) {
                    throw ApiProblem.of(ProblemType.NOTHING_TO_PACK, "Order " + order.id() + " has no units held at this node");
                }
                packable.add(order);
            } catch (ApiProblem refusal) {
                firstRefusal = firstRefusal == null ? refusal : firstRefusal;
                setAside.add(new PackSessionView.SetAside(order.id(), order.status().db(), refusal.getMessage()));
            }
        }
        if (packable.isEmpty()) {
            return Mono.error(firstRefusal);
        }
        return Flux.fromIterable(packable)
                .concatMap(order -> db.sql("""
                                SELECT s.id, s.packer_name FROM pack_session_orders o JOIN pack_sessions s ON s.id = o.session_id
                                WHERE o.order_id = :order AND o.open
                                """)
                        .bind("order", order.id())
                        .map(row -> row.get("packer_name", String.class)).one()
                        .flatMap(otherPacker -> Mono.error(ApiProblem.of(ProblemType.ORDER_IN_ANOTHER_SESSION,
                                "Order " + order.id() + " is being packed by " + otherPacker + "; close that session first"))))
                .then(Mono.just(new Admitted(packable, setAside)));
    }

    private Mono<UUID> insert(Caller.Worker packer, UUID stationId, Opening opening, List<OrderContents.Contents> packable) {
        return db.sql("""
                        INSERT INTO pack_sessions (node_id, station_location_id, packer_id, packer_name, opened_by_scan, batch_id, tote, status)
                        VALUES (:node, :station, :packer, :name, :scan, :batch, :tote, 'open')
                        RETURNING id
                        """)
                .bind("node", packer.nodeId()).bind("station", stationId).bind("packer", packer.workerId()).bind("name", packer.name())
                .bind("scan", opening.orderId() != null ? "order" : "tote")
                .bind("batch", Params.nullable(opening.batchId(), UUID.class)).bind("tote", Params.nullable(opening.tote(), Integer.class))
                .map(row -> row.get("id", UUID.class)).one()
                .flatMap(sessionId -> insertOrders(sessionId, packable).thenReturn(sessionId));
    }

    private Mono<Void> insertOrders(UUID sessionId, List<OrderContents.Contents> packable) {
        return Flux.fromIterable(packable)
                .concatMap(order -> db.sql("INSERT INTO pack_session_orders (session_id, order_id, merchant_id) VALUES (:session, :order, :merchant)")
                        .bind("session", sessionId).bind("order", order.id()).bind("merchant", order.merchantId()).then())
                .then();
    }

    /**
     * Another tote or order onto the bench: its orders join the caller's open session, so that a unit
     * of one order scanned into another's carton is recognised as such.
     */
    Mono<PackSessionView> add(Caller.Worker packer, UUID sessionId, Opening scan) {
        return ownOpenSession(packer, sessionId)
                .flatMap(session -> ordersScanned(packer, scan).collectList())
                .flatMap(scanned -> admit(packer, scanned))
                .flatMap(admitted -> insertOrders(sessionId, admitted.packable()).then(view(packer, sessionId, admitted.setAside())));
    }

    /** The session of the caller's node; another node's is not found. */
    Mono<Session> session(Caller.Worker worker, UUID sessionId) {
        return db.sql("""
                        SELECT id, node_id, station_location_id, packer_id, packer_name, status, batch_id, tote, opened_at, closed_at
                        FROM pack_sessions WHERE id = :id AND node_id = :node
                        """)
                .bind("id", sessionId).bind("node", worker.nodeId())
                .map(row -> new Session(row.get("id", UUID.class), row.get("node_id", UUID.class), row.get("station_location_id", UUID.class),
                        row.get("packer_id", UUID.class), row.get("packer_name", String.class), row.get("status", String.class),
                        row.get("batch_id", UUID.class), row.get("tote", Integer.class), row.get("opened_at", OffsetDateTime.class),
                        row.get("closed_at", OffsetDateTime.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Pack session", sessionId)));
    }

    /** The caller's own open session: others' sessions are refused, a closed one too. */
    Mono<Session> ownOpenSession(Caller.Worker packer, UUID sessionId) {
        return session(packer, sessionId).flatMap(session -> {
            if (!session.packerId().equals(packer.workerId())) {
                return Mono.error(ApiProblem.of(ProblemType.NOT_YOUR_PACK_SESSION, "Pack session " + sessionId + " is " + session.packerName() + "'s"));
            }
            if (!"open".equals(session.status())) {
                return Mono.error(ApiProblem.of(ProblemType.NOT_YOUR_PACK_SESSION, "Pack session " + sessionId + " is closed; open a new one"));
            }
            return Mono.just(session);
        });
    }

    /** The orders of the session, those still open in it. */
    Flux<UUID> openOrders(UUID sessionId) {
        return db.sql("SELECT order_id FROM pack_session_orders WHERE session_id = :session AND open ORDER BY order_id")
                .bind("session", sessionId).map(row -> row.get("order_id", UUID.class)).all();
    }

    /** An order packed (or gone back to allocation) leaves its session; a session with no order left closes. */
    Mono<Void> orderDone(UUID sessionId, UUID orderId) {
        return db.sql("UPDATE pack_session_orders SET open = false WHERE session_id = :session AND order_id = :order")
                .bind("session", sessionId).bind("order", orderId).then()
                .then(db.sql("""
                                UPDATE pack_sessions SET status = 'closed', closed_at = clock_timestamp()
                                WHERE id = :session AND status = 'open' AND NOT EXISTS (SELECT 1 FROM pack_session_orders WHERE session_id = :session AND open)
                                """)
                        .bind("session", sessionId).then());
    }

    /** The packer closes the session: orders not finished leave it (another session may take them up), open cartons stay open. */
    Mono<PackSessionView> close(Caller.Worker packer, UUID sessionId) {
        return ownOpenSession(packer, sessionId)
                .flatMap(session -> db.sql("UPDATE pack_session_orders SET open = false WHERE session_id = :session").bind("session", sessionId).then()
                        .then(db.sql("UPDATE pack_sessions SET status = 'closed', closed_at = clock_timestamp() WHERE id = :session")
                                .bind("session", sessionId).then())
                        .then(view(packer, sessionId, List.of())));
    }

    /**
     * The node's pack sessions, oldest first, optionally at one station, of one status ({@code open}:
     * the benches in use now) and the caller's own ({@code packer=me}: a packer's handheld offers to
     * continue a session opened on another device); cursor-paged by opening time.
     */
    Mono<Page<PackSessionSummary>> list(Caller.Worker worker, String stationCode, String status, String packer, Integer limit, String after) {
        if (status != null && !"open".equals(status) && !"closed".equals(status)) {
            return Mono.error(ApiProblem.invalid("status", "must be open or closed"));
        }
        if (packer != null && !"me".equals(packer)) {
            return Mono.error(ApiProblem.invalid("packer", "must be me (the calling worker's own sessions)"));
        }
        UUID packerId = packer == null ? null : worker.workerId();
        int size = Cursor.limit(limit);
        String key = Cursor.decode(after);
        OffsetDateTime afterAt;
        UUID afterId;
        try {
            int comma = key.indexOf(',');
            afterAt = key.isEmpty() ? null : OffsetDateTime.parse(key.substring(0, comma));
            afterId = key.isEmpty() ? null : UUID.fromString(key.substring(comma + 1));
        } catch (RuntimeException e) {
            return Mono.error(ApiProblem.invalid("after", "is not a cursor this API gave out"));
        }
        Mono<Optional<UUID>> station = stationCode == null ? Mono.just(Optional.empty())
                : network.scannedLocation(worker.nodeId(), "station_code", stationCode).map(location -> Optional.of(location.id()));
        return station.flatMap(stationId -> db.sql("""
                        SELECT s.id, s.station_location_id, s.status, s.packer_name, s.batch_id, s.tote, s.opened_at, s.closed_at,
                               (SELECT count(*) FROM pack_session_orders o WHERE o.session_id = s.id AND o.open) AS open_orders
                        FROM pack_sessions s
                        WHERE s.node_id = :node
                          AND (CAST(:station AS uuid) IS NULL OR s.station_location_id = :station)
                          AND (CAST(:status AS text) IS NULL OR s.status = :status)
                          AND (CAST(:packer AS uuid) IS NULL OR s.packer_id = :packer)
                          AND (CAST(:afterAt AS timestamptz) IS NULL OR (s.opened_at, s.id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                        ORDER BY s.opened_at, s.id
                        LIMIT :limit
                        """)
                        .bind("node", worker.nodeId()).bind("station", Params.nullable(stationId.orElse(null), UUID.class))
                        .bind("status", Params.nullable(status, String.class)).bind("packer", Params.nullable(packerId, UUID.class))
                        .bind("afterAt", Params.nullable(afterAt, OffsetDateTime.class)).bind("afterId", Params.nullable(afterId, UUID.class))
                        .bind("limit", size + 1)
                        .map(row -> new Object[] {row.get("id", UUID.class), row.get("station_location_id", UUID.class), row.get("status", String.class),
                                row.get("packer_name", String.class), row.get("batch_id", UUID.class), row.get("tote", Integer.class),
                                row.get("opened_at", OffsetDateTime.class), row.get("closed_at", OffsetDateTime.class),
                                row.get("open_orders", Number.class).intValue()})
                        .all()
                        .concatMap(row -> network.location((UUID) row[1]).map(location -> new PackSessionSummary((UUID) row[0], location.code(),
                                (String) row[2], (String) row[3], (UUID) row[4], (Integer) row[5], (OffsetDateTime) row[6], (OffsetDateTime) row[7],
                                (Integer) row[8])))
                        .collectList()
                        .map(rows -> Page.of(rows, size, summary -> summary.openedAt().atZoneSameInstant(java.time.ZoneOffset.UTC)
                                .toOffsetDateTime() + "," + summary.id())));
    }

    Mono<PackSessionView> view(Caller.Worker worker, UUID sessionId) {
        return view(worker, sessionId, List.of());
    }

    private Mono<PackSessionView> view(Caller.Worker worker, UUID sessionId, List<PackSessionView.SetAside> setAside) {
        return session(worker, sessionId).flatMap(session -> Mono.zip(
                        network.location(session.stationId()),
                        db.sql("SELECT order_id FROM pack_session_orders WHERE session_id = :session ORDER BY order_id")
                                .bind("session", sessionId).map(row -> row.get("order_id", UUID.class)).all()
                                .concatMap(orderId -> orderToPack(session.nodeId(), orderId)).collectList())
                .map(parts -> new PackSessionView(session.id(), parts.getT1().code(), session.status(), session.packerName(), session.batchId(),
                        session.tote(), session.openedAt(), session.closedAt(), parts.getT2(), setAside)));
    }

    /** What must go in for one order at the node: each line described, with its expected, packed and remaining units. */
    Mono<PackSessionView.OrderToPack> orderToPack(UUID nodeId, UUID orderId) {
        return Mono.zip(orders.of(orderId), cartons.ofOrder(orderId).collectList())
                .flatMap(parts -> {
                    OrderContents.Contents order = parts.getT1();
                    OrderUnits units = OrderUnits.of(order, nodeId, parts.getT2());
                    List<UUID> variantIds = order.lines().stream().map(OrderContents.Line::variantId).distinct().toList();
                    OrderUnits closed = OrderUnits.of(order, nodeId, parts.getT2().stream().filter(CartonView::isClosed).toList());
                    List<BoxAdvice.Units> unboxed = order.lines().stream()
                            .map(line -> new BoxAdvice.Units(line.variantId(), Math.max(0, closed.remaining(line, null))))
                            .filter(left -> left.quantity() > 0).toList();
                    Mono<List<PackSessionView.SuggestedBox>> suggestion = advice.shapes(order.merchantId(), unboxed)
                            .flatMap(shapes -> advice.cheapest(order.merchantId(), nodeId, shapes))
                            .map(choice -> choice.cartons().stream().map(carton -> new PackSessionView.SuggestedBox(carton.boxTypeCode(),
                                    carton.lengthMm(), carton.widthMm(), carton.heightMm(), carton.expectedWeightGrams(),
                                    carton.variantIdsPerUnit().size())).toList())
                            .defaultIfEmpty(List.of());
                    List<UUID> lotKeys = order.lines().stream().flatMap(line -> line.held().stream())
                            .filter(held -> held.nodeId().equals(nodeId)).map(OrderContents.Held::lotKey).distinct().toList();
                    return Mono.zip(descriptions.of(variantIds).collectMap(VariantDescriptions.Description::id, Function.identity()), suggestion,
                                    lotNumbers.of(lotKeys))
                            .map(both -> {
                                Map<UUID, VariantDescriptions.Description> described = both.getT1();
                                Map<UUID, LotNumbers.Lot> lots = both.getT3();
                                List<PackSessionView.LineToPack> lines = order.lines().stream()
                                        .filter(line -> units.held(line, null) > 0 || units.packed(line.lineNo(), null) > 0)
                                        .map(line -> lineToPack(line, units, described.get(line.variantId()), lots))
                                        .toList();
                                return new PackSessionView.OrderToPack(order.id(), order.id().toString(), order.status().db(), order.customerName(),
                                        units.held(), units.packed(), units.remaining(), lines, parts.getT2(), both.getT2());
                            });
                });
    }

    private static PackSessionView.LineToPack lineToPack(OrderContents.Line line, OrderUnits units, VariantDescriptions.Description description,
                                                         Map<UUID, LotNumbers.Lot> lots) {
        List<PackSessionView.LotToPack> byLot = !description.lotTracked() ? List.of() : line.held().stream()
                .filter(held -> held.nodeId().equals(units.nodeId()) && lots.containsKey(held.lotKey()))
                .map(OrderContents.Held::lotKey).distinct()
                .map(lotKey -> new PackSessionView.LotToPack(lots.get(lotKey).lotNumber(), lots.get(lotKey).expiresOn(),
                        units.held(line, lotKey), units.packed(line.lineNo(), lotKey), units.remaining(line, lotKey)))
                .sorted(java.util.Comparator.comparing(PackSessionView.LotToPack::lotNumber))
                .toList();
        return new PackSessionView.LineToPack(line.lineNo(), description.sku(), description.name(), description.altText(), description.imageUrl(),
                description.attributes(), description.gtins(), description.lotTracked(), units.held(line, null), units.packed(line.lineNo(), null),
                units.remaining(line, null), byLot);
    }
}
