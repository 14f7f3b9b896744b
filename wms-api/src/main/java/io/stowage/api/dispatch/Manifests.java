package io.stowage.api.dispatch;

import io.stowage.api.access.Caller;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.orders.OrderFulfilment;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.shipping.ShipmentView;
import io.stowage.api.shipping.Shipments;
import io.stowage.api.webhooks.EventTypes;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closing a load: the carrier's manifest is written and everything on it ships. In one transaction
 * the load is closed under a number, each shipment is marked shipped (shipping's command) with a
 * public tracking link and a {@code shipment.shipped} event, and each order whose every live carton
 * has now left moves to shipped (orders' command). A carton whose label was voided, or whose order
 * was held or cancelled, since it was scanned refuses the close with its SSCC: it must come off the
 * trailer first, and nothing has changed.
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

    Manifests(DatabaseClient db, LoadQueries queries, Shipments shipments, OrderFulfilment orders, TrackingTokens tokens, Outbox outbox,
              Network network) {
        this.db = db;
        this.queries = queries;
        this.shipments = shipments;
        this.orders = orders;
        this.tokens = tokens;
        this.outbox = outbox;
        this.network = network;
    }

    /** A carton of the load with its shipment as shipping has it now. */
    private record OnBoard(LoadView.Carton carton, ShipmentView shipment) {
    }

    Mono<LoadView> close(Caller.Worker worker, UUID loadId) {
        return queries.header(loadId, worker.nodeId(), "UPDATE")
                .flatMap(load -> load.isOpen() ? Mono.just(load) : Mono.error(Loading.closed(load)))
                .flatMap(load -> queries.cartons(load.id()).flatMap(cartons -> {
                    if (cartons.isEmpty()) {
                        return Mono.error(ApiProblem.of(ProblemType.LOAD_EMPTY, "The " + load.carrier() + " load has no cartons; scan cartons onto it first"));
                    }
                    // Orders are locked in id order, as every close does, so two closes never wait on each other in a circle.
                    List<LoadView.Carton> byOrder = cartons.stream()
                            .sorted((a, b) -> a.orderId().equals(b.orderId()) ? Integer.compare(a.cartonNumber(), b.cartonNumber())
                                    : a.orderId().compareTo(b.orderId()))
                            .toList();
                    return Flux.fromIterable(byOrder).concatMap(this::stillShippable).collectList()
                            .flatMap(onBoard -> network.node(load.nodeId())
                                    .flatMap(node -> closeRow(worker, load, node))
                                    .flatMap(closed -> Flux.fromIterable(onBoard).concatMap(item -> ship(worker, closed, item)).then()
                                            .then(shipOrders(worker, closed, onBoard))
                                            .then(queries.view(load.id(), worker.nodeId()))));
                }));
    }

    /** The carton's shipment and order may still leave: otherwise the close is refused naming the carton. */
    private Mono<OnBoard> stillShippable(LoadView.Carton carton) {
        return shipments.byId(null, carton.shipmentId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Shipment " + carton.shipmentId() + " of a loaded carton is gone")))
                .flatMap(shipment -> {
                    if (ShipmentView.VOIDED.equals(shipment.status())) {
                        return Mono.error(ApiProblem.of(ProblemType.CARTON_VOIDED, "Carton " + carton.sscc()
                                + " had its label voided after it was loaded; take it off the load before closing"));
                    }
                    return orders.requireShippable(shipment.merchantId(), shipment.orderId())
                            .onErrorMap(ApiProblem.class, problem -> ApiProblem.of(problem.problemType(), "Carton " + carton.sscc()
                                    + ": " + problem.getMessage() + "; take it off the load before closing"))
                            .thenReturn(new OnBoard(carton, shipment));
                });
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

    private Mono<Void> ship(Caller.Worker worker, ClosedLoad closed, OnBoard item) {
        ShipmentView shipment = item.shipment();
        return shipments.markShipped(shipment.id(), closed.load().id())
                .then(tokens.issue(shipment.id(), shipment.merchantId()))
                .flatMap(token -> outbox.append(shipment.merchantId(), EventTypes.SHIPMENT_SHIPPED, shipment.id().toString(),
                        shipped(item.carton(), shipment, token, closed)));
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
