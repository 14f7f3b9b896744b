package io.stowage.api.dispatch;

import io.stowage.api.access.Caller;
import io.stowage.api.inventory.LedgerHistory;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.Reservations;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.orders.OrderFulfilment;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.packing.CartonView;
import io.stowage.api.packing.Cartons;
import io.stowage.api.picking.PickedUnits;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.shipping.ShipmentView;
import io.stowage.api.shipping.Shipments;
import io.stowage.api.webhooks.EventTypes;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closing a load: the carrier's manifest is written and everything on it ships. In one transaction
 * the load is closed under a number, each shipment is marked shipped (shipping's command) with a
 * public tracking link and a {@code shipment.shipped} event, each carton's units leave the books
 * (a {@code shipment} movement off the node's drop-off location through inventory's ledger, which
 * ends their reservation, and orders' command that ends their allocation), and each order whose
 * every live carton has now left moves to shipped (orders' command). A carton whose label was
 * voided, or whose order was held or cancelled, since it was scanned refuses the close with its
 * SSCC: it must come off the trailer first, and nothing has changed.
 * <p>
 * Lock order, as everywhere: the stock levels of the cartons' variants first (per merchant, in
 * variant order), then the orders (in id order).
 */
@Service
class Manifests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DatabaseClient db;
    private final LoadQueries queries;
    private final Shipments shipments;
    private final OrderFulfilment orders;
    private final TrackingTokens tokens;
    private final Outbox outbox;
    private final Network network;
    private final Cartons cartons;
    private final Reservations reservations;
    private final StockLedger ledger;
    private final PickedUnits picked;
    private final LedgerHistory history;

    Manifests(DatabaseClient db, LoadQueries queries, Shipments shipments, OrderFulfilment orders, TrackingTokens tokens, Outbox outbox,
              Network network, Cartons cartons, Reservations reservations, StockLedger ledger, PickedUnits picked, LedgerHistory history) {
        this.db = db;
        this.queries = queries;
        this.shipments = shipments;
        this.orders = orders;
        this.tokens = tokens;
        this.outbox = outbox;
        this.network = network;
        this.cartons = cartons;
        this.reservations = reservations;
        this.ledger = ledger;
        this.picked = picked;
        this.history = history;
    }

    /** A carton of the load with its shipment as shipping has it now, and its units as packing has them. */
    private record OnBoard(LoadView.Carton carton, ShipmentView shipment, CartonView packed) {
    }

    Mono<LoadView> close(Caller.Worker worker, UUID loadId) {
        return queries.header(loadId, worker.nodeId(), "UPDATE")
                .flatMap(load -> load.isOpen() ? Mono.just(load) : Mono.error(Loading.closed(load)))
                .flatMap(load -> queries.cartons(load.id()).flatMap(loaded -> {
                    if (loaded.isEmpty()) {
                        return Mono.error(ApiProblem.of(ProblemType.LOAD_EMPTY, "The " + load.carrier() + " load has no cartons; scan cartons onto it first"));
                    }
                    // Orders are locked in id order, as every close does, so two closes never wait on each other in a circle.
                    List<LoadView.Carton> byOrder = loaded.stream()
                            .sorted((a, b) -> a.orderId().equals(b.orderId()) ? Integer.compare(a.cartonNumber(), b.cartonNumber())
                                    : a.orderId().compareTo(b.orderId()))
                            .toList();
                    return Flux.fromIterable(byOrder).concatMap(this::onBoard).collectList()
                            .flatMap(onBoard -> lockLevels(load.nodeId(), onBoard)
                                    .then(Flux.fromIterable(onBoard).concatMap(this::stillShippable).then())
                                    .then(Mono.zip(network.node(load.nodeId()), picked.dropOff(load.nodeId())))
                                    .flatMap(found -> closeRow(worker, load, found.getT1())
                                            .flatMap(closed -> Flux.fromIterable(onBoard).concatMap(item -> ship(worker, closed, found.getT2(), item)).then()
                                                    .then(shipOrders(worker, closed, onBoard))
                                                    .then(queries.view(load.id(), worker.nodeId())))));
                }));
    }

    /** The carton's shipment, unless its label was voided since the scan, and the carton's units. */
    private Mono<OnBoard> onBoard(LoadView.Carton carton) {
        return shipments.byId(null, carton.shipmentId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Shipment " + carton.shipmentId() + " of a loaded carton is gone")))
                .flatMap(shipment -> {
                    if (ShipmentView.VOIDED.equals(shipment.status())) {
                        return Mono.error(ApiProblem.of(ProblemType.CARTON_VOIDED, "Carton " + carton.sscc()
                                + " had its label voided after it was loaded; take it off the load before closing"));
                    }
                    return cartons.byId(null, shipment.cartonId())
                            .switchIfEmpty(Mono.error(() -> new IllegalStateException("Carton " + shipment.cartonId() + " of shipment " + shipment.id() + " is gone")))
                            .map(packed -> new OnBoard(carton, shipment, packed));
                });
    }

    /** Locks the levels the cartons' units leave, per merchant in id order, each merchant's in variant order. */
    private Mono<Void> lockLevels(UUID nodeId, List<OnBoard> onBoard) {
        Map<UUID, List<UUID>> variantsByMerchant = new TreeMap<>();
        onBoard.forEach(item -> item.packed().lines().forEach(line -> {
            List<UUID> variants = variantsByMerchant.computeIfAbsent(item.shipment().merchantId(), merchant -> new ArrayList<>());
            if (!variants.contains(line.variantId())) {
                variants.add(line.variantId());
            }
        }));
        return Flux.fromIterable(variantsByMerchant.entrySet())
                .concatMap(entry -> reservations.lock(entry.getKey(), entry.getValue(), List.of(nodeId)).then())
                .then();
    }

    /** The carton's order may still ship (it is locked now): otherwise the close is refused naming the carton. */
    private Mono<Void> stillShippable(OnBoard item) {
        return orders.requireShippable(item.shipment().merchantId(), item.shipment().orderId())
                .onErrorMap(ApiProblem.class, problem -> ApiProblem.of(problem.problemType(), "Carton " + item.carton().sscc()
                        + ": " + problem.getMessage() + "; take it off the load before closing"))
                .then();
    }

    /** The closed load: its manifest number is the node, the carrier, the day and the load's serial. */
    private Mono<ClosedLoad> closeRow(Caller.Worker worker, LoadQueries.Header load, Node node) {
        // The number names the manifest's files too: a carrier such as easypost:usps is spelled EASYPOST-USPS.
        String number = node.code() + "-" + load.carrier().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-") + "-" + load.shipDay().format(DAY) + "-" + load.position();
        return db.sql("""
                        UPDATE loads SET status = 'closed', manifest_number = :number, closed_by = :actor, closed_at = clock_timestamp()
                        WHERE id = :id AND status = 'open'
                        RETURNING closed_at
                        """)
                .bind("number", number).bind("actor", worker.actor()).bind("id", load.id())
                .map(row -> new ClosedLoad(load, number, row.get("closed_at", OffsetDateTime.class)))
                .one();
    }

    private record ClosedLoad(LoadQueries.Header load, String manifestNumber, OffsetDateTime closedAt) {
    }

    private Mono<Void> ship(Caller.Worker worker, ClosedLoad closed, UUID dropOff, OnBoard item) {
        ShipmentView shipment = item.shipment();
        return shipments.markShipped(shipment.id(), closed.load().id())
                .then(unitsLeave(closed.load().nodeId(), "left on " + closed.load().carrier() + " manifest " + closed.manifestNumber(),
                        worker.actor(), worker.deviceId(), dropOff, item))
                .then(tokens.issue(shipment.id(), shipment.merchantId()))
                .flatMap(token -> outbox.append(shipment.merchantId(), EventTypes.SHIPMENT_SHIPPED, shipment.id().toString(),
                        shipped(item.carton(), shipment, token, closed)));
    }

    /**
     * The carton's units leave the node: per line, the order's allocation of them ends (orders' command),
     * and per variant and lot one {@code shipment} movement takes them off the drop-off location where
     * picking left them, ending their reservation (inventory's ledger).
     */
    private Mono<Void> unitsLeave(UUID nodeId, String reason, String actor, String deviceId, UUID dropOff, OnBoard item) {
        ShipmentView shipment = item.shipment();
        Map<List<UUID>, Integer> perVariantAndLot = new LinkedHashMap<>();
        item.packed().lines().forEach(line -> perVariantAndLot.merge(List.of(line.variantId(), line.lotKey()), line.quantity(), Integer::sum));
        Mono<Void> allocations = Flux.fromIterable(item.packed().lines())
                .concatMap(line -> orders.unitsShipped(shipment.orderId(), line.lineNo(), nodeId, line.lotKey(), line.quantity()))
                .then();
        Mono<Void> movements = Flux.fromIterable(perVariantAndLot.entrySet())
                .concatMap(entry -> ledger.ship(new Movement(shipment.merchantId(), nodeId, entry.getKey().get(0),
                        StockLedger.NO_LOT.equals(entry.getKey().get(1)) ? null : entry.getKey().get(1), MovementKind.SHIPMENT, entry.getValue(),
                        dropOff, StockStatus.AVAILABLE, null, null, reason, "shipment", shipment.id().toString(), actor, deviceId)))
                .then()
                .onErrorMap(ApiProblem.class, problem -> ApiProblem.of(problem.problemType(), "Carton " + item.carton().sscc() + ": "
                        + problem.getMessage() + " at the drop-off location, where its units were packed; count the pack station before closing"));
        return allocations.then(movements);
    }

    /**
     * The units of a load closed before units left the books at the close (V138) leave now, as the
     * close would have taken them: per carton whose shipment has no {@code shipment} movement yet, the
     * order's allocation ends and the units leave the drop-off location, under the levels' locks taken
     * as the close takes them. The order's status is not touched (it moved to shipped then). Runs in
     * the caller's transaction; answers how many cartons' units left.
     */
    Mono<Integer> unitsLeaveClosedLoad(LoadQueries.Header load, String actor) {
        return queries.cartons(load.id())
                .flatMap(loaded -> Flux.fromIterable(loaded).concatMap(this::onBoard).collectList())
                .flatMap(onBoard -> notShippedYet(onBoard).flatMap(left -> left.isEmpty() ? Mono.just(0)
                        : lockLevels(load.nodeId(), left)
                                .then(picked.dropOff(load.nodeId()))
                                .flatMap(dropOff -> Flux.fromIterable(left)
                                        .concatMap(item -> unitsLeave(load.nodeId(), "left on " + load.carrier() + " manifest "
                                                + load.manifestNumber() + " (closed before shipped units left the books)", actor, null, dropOff, item))
                                        .then(Mono.just(left.size())))));
    }

    /** The cartons whose shipment's units are still on the books (per merchant: the ledger is asked per merchant). */
    private Mono<List<OnBoard>> notShippedYet(List<OnBoard> onBoard) {
        Map<UUID, List<String>> shipmentsByMerchant = new TreeMap<>();
        onBoard.forEach(item -> shipmentsByMerchant.computeIfAbsent(item.shipment().merchantId(), merchant -> new ArrayList<>())
                .add(item.shipment().id().toString()));
        return Flux.fromIterable(shipmentsByMerchant.entrySet())
                .concatMap(entry -> history.destinations(entry.getKey(), MovementKind.SHIPMENT, "shipment", entry.getValue()))
                .map(LedgerHistory.Destination::referenceId)
                .collectList()
                .map(shipped -> onBoard.stream()
                        .sorted((a, b) -> a.shipment().orderId().equals(b.shipment().orderId())
                                ? Integer.compare(a.carton().cartonNumber(), b.carton().cartonNumber())
                                : a.shipment().orderId().compareTo(b.shipment().orderId()))
                        .filter(item -> !shipped.contains(item.shipment().id().toString()))
                        .toList());
    }

    /** The payload of {@code shipment.shipped}: what a store tells its customer, and what its books need. */
    static Map<String, Object> shipped(LoadView.Carton carton, ShipmentView shipment, TrackingTokens.TrackingToken token, ClosedLoad closed) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("shipment_id", shipment.id());
        payload.put("order_id", shipment.orderId());
        payload.put("order_number", carton.orderNumber());
        payload.put("carton_id", shipment.cartonId());
        payload.put("carton_number", carton.cartonNumber());
        payload.put("sscc", carton.sscc());
        payload.put("carrier", closed.load().carrier());
        payload.put("service_code", carton.serviceCode());
        payload.put("tracking_number", carton.trackingNumber());
        payload.put("tracking_url", token.url());
        if (shipment.carrierTrackingUrl() != null) {
            payload.put("carrier_tracking_url", shipment.carrierTrackingUrl());
        }
        payload.put("weight_grams", carton.weightGrams());
        payload.put("manifest_number", closed.manifestNumber());
        payload.put("shipped_at", closed.closedAt().toInstant().toString());
        return payload;
    }

    /** Each order of the load whose every carton that still counts (not voided) has now shipped moves to shipped. */
    private Mono<Void> shipOrders(Caller.Worker worker, ClosedLoad closed, List<OnBoard> onBoard) {
        List<OnBoard> firstOfEachOrder = onBoard.stream()
                .filter(item -> onBoard.stream().filter(other -> other.shipment().orderId().equals(item.shipment().orderId())).findFirst().get() == item)
                .toList();
        return Flux.fromIterable(firstOfEachOrder).concatMap(item -> shipments.ofOrder(item.shipment().orderId())
                        .filter(shipment -> !ShipmentView.VOIDED.equals(shipment.status()))
                        .all(shipment -> ShipmentView.SHIPPED.equals(shipment.status()))
                        .flatMap(allGone -> allGone
                                ? orders.shipped(item.shipment().merchantId(), item.shipment().orderId(), worker.actor(),
                                        "left on " + closed.load().carrier() + " manifest " + closed.manifestNumber())
                                : Mono.empty()))
                .then();
    }
}
