package io.stowage.api.orders;

import io.stowage.api.access.Caller;
import io.stowage.api.carriers.CarrierCodes;
import io.stowage.api.catalog.Variants;
import io.stowage.api.carriers.CarrierDirectory;
import io.stowage.api.carriers.CarrierServiceView;
import io.stowage.api.commands.Commands;
import io.stowage.api.database.Params;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.problem.ApiProblem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Takes a merchant's order: checks everything before writing anything, stores the order as
 * accepted, allocates what stock allows through {@link Allocator}, and records the rest as
 * preordered (an open ASN brings it) or backordered, all in the caller's transaction.
 */
@Service
class OrderIntake {

    private final DatabaseClient db;
    private final Network network;
    private final OrderRouting routing;
    private final Allocator allocator;
    private final Preorders preorders;
    private final Outbox outbox;
    private final CarrierDirectory carriers;
    private final Variants catalog;

    OrderIntake(DatabaseClient db, Network network, OrderRouting routing, Allocator allocator, Preorders preorders, Outbox outbox,
                CarrierDirectory carriers, Variants catalog) {
        this.db = db;
        this.catalog = catalog;
        this.network = network;
        this.routing = routing;
        this.allocator = allocator;
        this.preorders = preorders;
        this.outbox = outbox;
        this.carriers = carriers;
    }

    record Variant(UUID id, String sku, boolean byLot) {
    }

    /** Where the order is routed from, and why that point. */
    record RoutePoint(double latitude, double longitude, String basis, UUID pickupNodeId) {
    }

    /**
     * What intake checked, read and decided before its transaction: the lines' variants, where the
     * order is routed from, the carrier service (none when the store let the warehouse choose), the
     * nodes that may ship it, the id the order will have and, for an order none of whose variants is
     * tracked by lot, where its units go and what waits ({@code unlocked}, decided on the levels as
     * last committed; null for a lot-tracked order, which decides under the level locks). None of it
     * changes anything, so none of it waits in the transaction, whose connection and (at its end)
     * stock locks are then held for fewer round trips.
     */
    record Checked(Map<String, Variant> variants, RoutePoint point, CarrierServiceView carrierService, RoutingContext routing,
                   UUID orderId, Decision unlocked) {
    }

    /** Where the order's units are placed, and what its lines wait for. */
    record Decision(List<Allocator.Placed> placed, Waiting waiting) {
    }

    /** Checks the order and reads and decides what intake can, outside any transaction; fails with a problem for bad input. */
    Mono<Checked> check(Caller.Merchant merchant, OrderRequest request) {
        UUID merchantId = merchant.merchantId();
        return Mono.defer(() -> {
            checkLines(request);
            CarrierServiceView carrierService = carrierService(request);
            return Mono.zip(variants(merchantId, request), routePoint(merchantId, request))
                    .flatMap(found -> routing.context(merchantId, request.channelOrDefault(), found.getT2().pickupNodeId(),
                                    found.getT2().latitude(), found.getT2().longitude())
                            .flatMap(context -> {
                                UUID orderId = UUID.randomUUID();
                                List<Allocator.Need> needs = needs(request, found.getT1());
                                Mono<Optional<Decision>> unlocked = needs.stream().anyMatch(Allocator.Need::byLot)
                                        ? Mono.just(Optional.empty())
                                        : decide(orderId, merchantId, request, found.getT1(), allocator.planUnlocked(merchantId, needs, context))
                                                .map(Optional::of);
                                return unlocked.map(decision -> new Checked(found.getT1(), found.getT2(), carrierService, context, orderId,
                                        decision.orElse(null)));
                            }));
        });
    }

    /** The order row as stored: its id, when it was accepted and when its status was last set. */
    private record Stored(UUID id, OffsetDateTime acceptedAt, OffsetDateTime updatedAt) {
    }

    /** What the lines wait for after allocation: units per line, and the date per preordered line. */
    record Waiting(Map<Integer, Integer> units, Map<Integer, LocalDate> expectedOn) {
        int total() {
            return units.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Stores the checked order as allocated, in the caller's transaction, holding the stock locks
     * for as few round trips as possible. An order whose variants are not tracked by lot was decided
     * before the transaction on the levels as last committed ({@link Checked#unlocked()}); one
     * statement writes the order, its lines with what they wait for, its allocations, its history
     * and its events, and the reservation is the command's last write, just before the commit
     * ({@link Commands#beforeCommit}): the level and total rows are locked for that one statement,
     * the stock events and the commit. When a level no longer has the units, the command runs again
     * ({@code retry}), deciding under the level locks this time, as lot-tracked orders always do.
     * The answer is built from what was written instead of read back.
     */
    Mono<OrderView> accept(Caller.Merchant merchant, OrderRequest request, Checked checked, boolean retry) {
        UUID merchantId = merchant.merchantId();
        UUID orderId = checked.orderId();
        Map<String, Variant> variants = checked.variants();
        int units = request.lines().stream().mapToInt(OrderRequest.Line::quantity).sum();
        Mono<Decision> decided = !retry && checked.unlocked() != null
                ? Mono.just(checked.unlocked())
                : decide(orderId, merchantId, request, variants, allocator.plan(merchantId, needs(request, variants), checked.routing()));
        return decided.flatMap(decision -> {
            OrderStatus status = OrderTransitions.afterAllocation(units, decision.waiting().total());
            List<Outbox.Event> events = new ArrayList<>();
            events.add(OrderTransitions.accepted(orderId, acceptedPayload(orderId, request)));
            events.addAll(OrderTransitions.events(orderId, OrderStatus.ACCEPTED, status,
                    OrderTransitions.statusChanged(orderId, OrderStatus.ACCEPTED, status, null)));
            return insertOrder(orderId, merchantId, request, checked, decision, status, merchant.actor(), events)
                    .flatMap(stored -> Commands.beforeCommit(() -> allocator.reserveAsDecided(merchantId, decision.placed()))
                            .then(Mono.fromSupplier(() -> view(stored, status, request, checked, decision.placed(), decision.waiting()))));
        });
    }

    /** Places the lines with {@code plan} and reads what the rest waits for. */
    private Mono<Decision> decide(UUID orderId, UUID merchantId, OrderRequest request, Map<String, Variant> variants,
                                  Mono<List<Allocator.Placed>> plan) {
        return plan.flatMap(placed -> waiting(orderId, merchantId, request, variants, placed).map(waiting -> new Decision(placed, waiting)));
    }

    private static void checkLines(OrderRequest request) {
        request.checkContact();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            Integer first = seen.putIfAbsent(request.lines().get(i).sku(), i);
            if (first != null) {
                throw ApiProblem.invalid("lines[" + i + "].sku", "repeats the SKU of lines[" + first + "]; put the quantity on one line");
            }
        }
        if (request.serviceLevelOrDefault() == ServiceLevel.STORE_PICKUP && request.pickupStoreCode() == null) {
            throw ApiProblem.invalid("pickup_store_code", "is required for store_pickup");
        }
        if (request.serviceLevelOrDefault() != ServiceLevel.STORE_PICKUP && request.pickupStoreCode() != null) {
            throw ApiProblem.invalid("pickup_store_code", "only a store_pickup order is collected at a store");
        }
    }

    private CarrierServiceView carrierService(OrderRequest request) {
        if (request.carrierService() == null) {
            return null;
        }
        if (request.serviceLevelOrDefault() == ServiceLevel.STORE_PICKUP) {
            throw ApiProblem.invalid("carrier_service", "a store_pickup order is collected at the store, not shipped");
        }
        return carriers.service(CarrierCodes.normaliseService(request.carrierService()))
                .orElseThrow(() -> ApiProblem.invalid("carrier_service",
                        "no carrier service has the code " + request.carrierService() + "; GET /api/v1/carrier-services lists them"));
    }

    private Mono<Map<String, Variant>> variants(UUID merchantId, OrderRequest request) {
        List<String> skus = request.lines().stream().map(OrderRequest.Line::sku).toList();
        return catalog.bySkus(merchantId, skus)
                .map(ref -> new Variant(ref.id(), ref.sku(), ref.lotTracked() || ref.expiryTracked()))
                .collectMap(Variant::sku, v -> v)
                .flatMap(found -> {
                    List<ApiProblem.FieldProblem> unknown = new ArrayList<>();
                    for (int i = 0; i < skus.size(); i++) {
                        if (!found.containsKey(skus.get(i))) {
                            unknown.add(new ApiProblem.FieldProblem("lines[" + i + "].sku", "no variant has the SKU " + skus.get(i)));
                        }
                    }
                    return unknown.isEmpty() ? Mono.just(found)
                            : Mono.error(ApiProblem.invalid(unknown.size() + " line(s) name unknown SKUs", unknown));
                });
    }

    private Mono<RoutePoint> routePoint(UUID merchantId, OrderRequest request) {
        if (request.serviceLevelOrDefault() == ServiceLevel.STORE_PICKUP) {
            return network.node(request.pickupStoreCode())
                    .onErrorMap(ApiProblem.class, e -> ApiProblem.invalid("pickup_store_code", "no store has the code " + request.pickupStoreCode()))
                    .flatMap(store -> isCollectionPoint(store, merchantId)
                            ? Mono.just(new RoutePoint(store.latitude(), store.longitude(), "pickup_store", store.id()))
                            : Mono.error(ApiProblem.invalid("pickup_store_code", request.pickupStoreCode() + " is not a store of this merchant")));
        }
        OrderRequest.Address address = request.customer().address();
        if ((address.latitude() == null) != (address.longitude() == null)) {
            return Mono.error(ApiProblem.invalid("customer.address.longitude", "give both latitude and longitude, or neither"));
        }
        if (address.latitude() != null) {
            return Mono.just(new RoutePoint(address.latitude(), address.longitude(), "address", null));
        }
        return CountryCentroids.of(address.country())
                .map(centre -> Mono.just(new RoutePoint(centre.latitude(), centre.longitude(), "country_centroid", null)))
                .orElseGet(() -> Mono.error(ApiProblem.invalid("customer.address.latitude",
                        "is required for addresses in " + address.country() + ": routing has no fallback location there")));
    }

    private static boolean isCollectionPoint(Node node, UUID merchantId) {
        return Node.STORE.equals(node.kind()) && (node.merchantId() == null || node.merchantId().equals(merchantId));
    }

    /**
     * The order as allocated in one statement: the order with its status after allocation, its
     * lines with what they wait for, its allocations, its two history entries (accepted, then the
     * allocation's status) and its events.
     */
    private Mono<Stored> insertOrder(UUID orderId, UUID merchantId, OrderRequest request, Checked checked, Decision decision,
                                     OrderStatus status, String actor, List<Outbox.Event> events) {
        OrderRequest.Customer customer = request.customer();
        OrderRequest.Address address = customer.address();
        RoutePoint point = checked.point();
        CarrierServiceView carrierService = checked.carrierService();
        List<OrderRequest.Line> lines = request.lines();
        Integer[] lineNos = new Integer[lines.size()];
        UUID[] variantIds = new UUID[lines.size()];
        Integer[] quantities = new Integer[lines.size()];
        Integer[] waiting = new Integer[lines.size()];
        String[] expectedOn = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            lineNos[i] = i + 1;
            variantIds[i] = checked.variants().get(lines.get(i).sku()).id();
            quantities[i] = lines.get(i).quantity();
            waiting[i] = decision.waiting().units().getOrDefault(i + 1, 0);
            LocalDate on = decision.waiting().expectedOn().get(i + 1);
            expectedOn[i] = on == null ? null : on.toString();
        }
        List<Allocator.Placed> placed = decision.placed();
        Outbox.Part appended = outbox.appending(merchantId, events);
        DatabaseClient.GenericExecuteSpec statement = db.sql("""
                        WITH placed AS (
                            INSERT INTO orders (id, merchant_id, status, service_level, channel, pickup_node_id, customer_name, customer_email,
                                customer_phone, customer_language, customer_notify, address_line, city, postal_code, country, latitude, longitude,
                                route_latitude, route_longitude, route_basis, promised_on, gift_message, carrier_code, carrier_service_code)
                            VALUES (:order, :merchant, :status, :level, :channel, :pickup, :name, :email, :phone, :language, :notify, :line, :city, :postal,
                                :country, :lat, :lon, :routeLat, :routeLon, :basis, :promised, :gift, :carrier, :carrierService)
                            RETURNING id, accepted_at, updated_at
                        ), lines AS (
                            INSERT INTO order_lines (order_id, line_no, merchant_id, variant_id, quantity, waiting, expected_on)
                            SELECT placed.id, l.line_no, :merchant, l.variant_id, l.quantity, l.waiting, CAST(l.expected_on AS date)
                            FROM placed, unnest(CAST(:lineNos AS integer[]), CAST(:variants AS uuid[]), CAST(:quantities AS integer[]),
                                                CAST(:waiting AS integer[]), CAST(:expected AS text[]))
                                 AS l(line_no, variant_id, quantity, waiting, expected_on)
                        ), allocated AS (
                            INSERT INTO order_allocations (merchant_id, order_id, line_no, variant_id, node_id, lot_key, quantity)
                            SELECT :merchant, placed.id, p.line_no, p.variant_id, p.node_id, p.lot_key, p.quantity
                            FROM placed, unnest(CAST(:placedLines AS integer[]), CAST(:placedVariants AS uuid[]), CAST(:placedNodes AS uuid[]),
                                                CAST(:placedLots AS uuid[]), CAST(:placedQuantities AS integer[]))
                                 AS p(line_no, variant_id, node_id, lot_key, quantity)
                        ), entries AS (
                            INSERT INTO order_history (order_id, merchant_id, from_status, to_status, actor)
                            SELECT placed.id, :merchant, e.from_status, e.to_status, e.actor
                            FROM placed, (VALUES (1, NULL, 'accepted', :actor), (2, 'accepted', :status, 'system:allocation'))
                                 AS e(position, from_status, to_status, actor)
                            ORDER BY e.position
                        ), events AS (
                        """ + appended.sql() + """
                        )
                        SELECT id, accepted_at, updated_at FROM placed
                        """)
                .bind("order", orderId)
                .bind("merchant", merchantId).bind("status", status.db())
                .bind("level", request.serviceLevelOrDefault().db()).bind("channel", request.channelOrDefault())
                .bind("pickup", Params.nullable(point.pickupNodeId(), UUID.class))
                .bind("name", customer.name()).bind("email", Params.nullable(customer.email(), String.class))
                .bind("phone", Params.nullable(customer.phone(), String.class))
                .bind("language", Params.nullable(customer.languageTag(), String.class)).bind("notify", request.notifyOrDefault())
                .bind("line", Params.nullable(address.line(), String.class)).bind("city", Params.nullable(address.city(), String.class))
                .bind("postal", Params.nullable(address.postalCode(), String.class)).bind("country", address.country())
                .bind("lat", Params.nullable(address.latitude(), Double.class)).bind("lon", Params.nullable(address.longitude(), Double.class))
                .bind("routeLat", point.latitude()).bind("routeLon", point.longitude()).bind("basis", point.basis())
                .bind("promised", Params.nullable(request.promisedOn(), LocalDate.class))
                .bind("gift", Params.nullable(request.giftMessage(), String.class))
                .bind("carrier", Params.nullable(carrierService == null ? null : carrierService.carrierCode(), String.class))
                .bind("carrierService", Params.nullable(carrierService == null ? null : carrierService.serviceCode(), String.class))
                .bind("lineNos", lineNos).bind("variants", variantIds).bind("quantities", quantities)
                .bind("waiting", waiting).bind("expected", expectedOn)
                .bind("placedLines", placed.stream().map(Allocator.Placed::lineNo).toArray(Integer[]::new))
                .bind("placedVariants", placed.stream().map(Allocator.Placed::variantId).toArray(UUID[]::new))
                .bind("placedNodes", placed.stream().map(Allocator.Placed::nodeId).toArray(UUID[]::new))
                .bind("placedLots", placed.stream().map(Allocator.Placed::lotKey).toArray(UUID[]::new))
                .bind("placedQuantities", placed.stream().map(Allocator.Placed::quantity).toArray(Integer[]::new))
                .bind("actor", actor);
        return appended.bind(statement)
                .map(row -> new Stored(row.get("id", UUID.class), row.get("accepted_at", OffsetDateTime.class),
                        row.get("updated_at", OffsetDateTime.class)))
                .one();
    }

    private static List<Allocator.Need> needs(OrderRequest request, Map<String, Variant> variants) {
        List<Allocator.Need> needs = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            OrderRequest.Line line = request.lines().get(i);
            Variant variant = variants.get(line.sku());
            needs.add(new Allocator.Need(i + 1, variant.id(), line.quantity(), variant.byLot()));
        }
        return needs;
    }

    /** What each line still waits for, with the preorder date where open ASNs bring it. */
    private Mono<Waiting> waiting(UUID orderId, UUID merchantId, OrderRequest request, Map<String, Variant> variants,
                                  List<Allocator.Placed> placed) {
        Map<Integer, Integer> allocated = new HashMap<>();
        placed.forEach(p -> allocated.merge(p.lineNo(), p.quantity(), Integer::sum));
        Map<Integer, Integer> waiting = new LinkedHashMap<>();
        Map<Integer, UUID> variantOf = new HashMap<>();
        Set<UUID> waitingVariants = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            int rest = request.lines().get(i).quantity() - allocated.getOrDefault(i + 1, 0);
            if (rest > 0) {
                UUID variant = variants.get(request.lines().get(i).sku()).id();
                waiting.put(i + 1, rest);
                variantOf.put(i + 1, variant);
                waitingVariants.add(variant);
            }
        }
        if (waiting.isEmpty()) {
            return Mono.just(new Waiting(waiting, Map.of()));
        }
        return Mono.zip(preorders.incoming(merchantId, waitingVariants), preorders.waitingAhead(merchantId, orderId, waitingVariants))
                .map(known -> {
                    Map<Integer, LocalDate> on = new HashMap<>();
                    waiting.forEach((lineNo, units) -> {
                        UUID variant = variantOf.get(lineNo);
                        LocalDate date = Preorders.expectedOn(known.getT1().getOrDefault(variant, List.of()),
                                known.getT2().getOrDefault(variant, 0), units);
                        if (date != null) {
                            on.put(lineNo, date);
                        }
                    });
                    return new Waiting(waiting, on);
                });
    }

    /** The order as {@link OrderQueries#get} reads it, from what intake just wrote. */
    private static OrderView view(Stored stored, OrderStatus status, OrderRequest request, Checked checked,
                                  List<Allocator.Placed> placed, Waiting waiting) {
        OrderRequest.Customer customer = request.customer();
        OrderRequest.Address address = customer.address();
        Map<UUID, String> codes = new HashMap<>();
        checked.routing().candidates().forEach(candidate -> codes.put(candidate.nodeId(), candidate.code()));
        String pickupCode = checked.point().pickupNodeId() == null ? null
                : codes.getOrDefault(checked.point().pickupNodeId(), request.pickupStoreCode());
        CarrierServiceView carrierService = checked.carrierService();
        List<OrderView.Line> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            int lineNo = i + 1;
            OrderRequest.Line line = request.lines().get(i);
            List<OrderView.ShipFrom> shipsFrom = placed.stream()
                    .filter(p -> p.lineNo() == lineNo)
                    .map(p -> new OrderView.ShipFrom(codes.get(p.nodeId()), checked.routing().kinds().get(p.nodeId()), p.quantity(),
                            p.lotNumber(), p.expiresOn()))
                    .sorted(OrderView.ShipFrom.LISTED)
                    .toList();
            int rest = waiting.units().getOrDefault(lineNo, 0);
            LocalDate expectedOn = waiting.expectedOn().get(lineNo);
            boolean preorder = expectedOn != null;
            lines.add(new OrderView.Line(lineNo, checked.variants().get(line.sku()).sku(), line.quantity(),
                    shipsFrom.stream().mapToInt(OrderView.ShipFrom::quantity).sum(),
                    preorder ? 0 : rest, preorder ? rest : 0, 0, expectedOn, shipsFrom));
        }
        return new OrderView(stored.id(), status.db(), request.serviceLevelOrDefault().db(), request.channelOrDefault(),
                new OrderView.Customer(customer.name(), customer.email(), customer.phone(),
                        new OrderView.Address(address.line(), address.city(), address.postalCode(), address.country(),
                                address.latitude(), address.longitude()), customer.languageTag(), request.notifyOrDefault()),
                pickupCode, request.promisedOn(),
                carrierService == null ? null : carrierService.carrierCode() + "/" + carrierService.serviceCode(),
                request.giftMessage(), checked.point().basis(), stored.acceptedAt(), stored.updatedAt(), List.copyOf(lines));
    }

    private static Map<String, Object> acceptedPayload(UUID orderId, OrderRequest request) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("order_id", orderId);
        payload.put("channel", request.channelOrDefault());
        payload.put("service_level", request.serviceLevelOrDefault().db());
        if (request.carrierService() != null) {
            payload.put("carrier_service", request.carrierService());
        }
        payload.put("lines", request.lines().stream().map(line -> Map.of("sku", line.sku(), "quantity", line.quantity())).toList());
        return payload;
    }
}
