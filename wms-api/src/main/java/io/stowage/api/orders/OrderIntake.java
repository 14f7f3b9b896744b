package io.stowage.api.orders;

import io.stowage.api.access.Caller;
import io.stowage.api.carriers.CarrierDirectory;
import io.stowage.api.carriers.CarrierServiceView;
import io.stowage.api.database.Params;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.problem.ApiProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
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
    private final OrderTransitions transitions;
    private final OrderQueries queries;
    private final CarrierDirectory carriers;

    OrderIntake(DatabaseClient db, Network network, OrderRouting routing, Allocator allocator, Preorders preorders,
                OrderTransitions transitions, OrderQueries queries, CarrierDirectory carriers) {
        this.db = db;
        this.network = network;
        this.routing = routing;
        this.allocator = allocator;
        this.preorders = preorders;
        this.transitions = transitions;
        this.queries = queries;
        this.carriers = carriers;
    }

    private record Variant(UUID id, String sku, boolean byLot) {
    }

    /** Where the order is routed from, and why that point. */
    private record RoutePoint(double latitude, double longitude, String basis, UUID pickupNodeId) {
    }

    /** What intake checked before writing anything; no carrier service when the store let the warehouse choose. */
    private record Checked(Map<String, Variant> variants, RoutePoint point, CarrierServiceView carrierService) {
    }

    Mono<OrderView> accept(Caller.Merchant merchant, OrderRequest request) {
        UUID merchantId = merchant.merchantId();
        return Mono.defer(() -> {
            checkLines(request);
            CarrierServiceView carrierService = carrierService(request);
            return Mono.zip(variants(merchantId, request), routePoint(merchantId, request))
                    .map(checked -> new Checked(checked.getT1(), checked.getT2(), carrierService));
        }).flatMap(checked -> {
            Map<String, Variant> variants = checked.variants();
            RoutePoint point = checked.point();
            String channel = request.channelOrDefault();
            return insertOrder(merchantId, request, point, checked.carrierService())
                    .flatMap(orderId -> insertLines(orderId, merchantId, request, variants)
                            .then(transitions.accepted(merchantId, orderId, merchant.actor(), acceptedPayload(orderId, request)))
                            .then(routing.context(merchantId, channel, point.pickupNodeId(), point.latitude(), point.longitude()))
                            .flatMap(context -> allocator.allocate(orderId, merchantId, needs(request, variants), context))
                            .flatMap(placed -> recordWaiting(orderId, merchantId, request, variants, placed))
                            .flatMap(waiting -> {
                                int units = request.lines().stream().mapToInt(OrderRequest.Line::quantity).sum();
                                OrderStatus status = OrderTransitions.afterAllocation(units, waiting);
                                return transitions.move(merchantId, orderId, OrderStatus.ACCEPTED, status, "system:allocation", null);
                            })
                            .then(Mono.defer(() -> queries.get(merchantId, orderId))));
        });
    }

    private static void checkLines(OrderRequest request) {
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
        return carriers.service(request.carrierService())
                .orElseThrow(() -> ApiProblem.invalid("carrier_service",
                        "no carrier service has the code " + request.carrierService() + "; GET /api/v1/carrier-services lists them"));
    }

    private Mono<Map<String, Variant>> variants(UUID merchantId, OrderRequest request) {
        List<String> skus = request.lines().stream().map(OrderRequest.Line::sku).toList();
        return db.sql("SELECT id, sku, lot_tracked OR expiry_tracked AS by_lot FROM variants WHERE merchant_id = :merchant AND sku = ANY(:skus)")
                .bind("merchant", merchantId).bind("skus", skus.toArray(String[]::new))
                .map(row -> new Variant(row.get("id", UUID.class), row.get("sku", String.class), Boolean.TRUE.equals(row.get("by_lot", Boolean.class))))
                .all().collectMap(Variant::sku, v -> v)
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

    private Mono<UUID> insertOrder(UUID merchantId, OrderRequest request, RoutePoint point, CarrierServiceView carrierService) {
        OrderRequest.Customer customer = request.customer();
        OrderRequest.Address address = customer.address();
        return db.sql("""
                        INSERT INTO orders (merchant_id, status, service_level, channel, pickup_node_id, customer_name, customer_email,
                            customer_phone, address_line, city, postal_code, country, latitude, longitude,
                            route_latitude, route_longitude, route_basis, promised_on, gift_message, carrier_code, carrier_service_code)
                        VALUES (:merchant, 'accepted', :level, :channel, :pickup, :name, :email, :phone, :line, :city, :postal, :country,
                            :lat, :lon, :routeLat, :routeLon, :basis, :promised, :gift, :carrier, :carrierService)
                        RETURNING id
                        """)
                .bind("merchant", merchantId).bind("level", request.serviceLevelOrDefault().db()).bind("channel", request.channelOrDefault())
                .bind("pickup", Params.nullable(point.pickupNodeId(), UUID.class))
                .bind("name", customer.name()).bind("email", Params.nullable(customer.email(), String.class))
                .bind("phone", Params.nullable(customer.phone(), String.class))
                .bind("line", Params.nullable(address.line(), String.class)).bind("city", Params.nullable(address.city(), String.class))
                .bind("postal", Params.nullable(address.postalCode(), String.class)).bind("country", address.country())
                .bind("lat", Params.nullable(address.latitude(), Double.class)).bind("lon", Params.nullable(address.longitude(), Double.class))
                .bind("routeLat", point.latitude()).bind("routeLon", point.longitude()).bind("basis", point.basis())
                .bind("promised", Params.nullable(request.promisedOn(), LocalDate.class))
                .bind("gift", Params.nullable(request.giftMessage(), String.class))
                .bind("carrier", Params.nullable(carrierService == null ? null : carrierService.carrierCode(), String.class))
                .bind("carrierService", Params.nullable(carrierService == null ? null : carrierService.serviceCode(), String.class))
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    private Mono<Void> insertLines(UUID orderId, UUID merchantId, OrderRequest request, Map<String, Variant> variants) {
        List<OrderRequest.Line> lines = request.lines();
        Integer[] lineNos = new Integer[lines.size()];
        UUID[] variantIds = new UUID[lines.size()];
        Integer[] quantities = new Integer[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            lineNos[i] = i + 1;
            variantIds[i] = variants.get(lines.get(i).sku()).id();
            quantities[i] = lines.get(i).quantity();
        }
        return db.sql("""
                        INSERT INTO order_lines (order_id, line_no, merchant_id, variant_id, quantity, waiting)
                        SELECT :order, l.line_no, :merchant, l.variant_id, l.quantity, l.quantity
                        FROM unnest(:lineNos, :variants, :quantities) AS l(line_no, variant_id, quantity)
                        """)
                .bind("order", orderId).bind("merchant", merchantId)
                .bind("lineNos", lineNos).bind("variants", variantIds).bind("quantities", quantities)
                .then();
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

    /** Stores what each line still waits for, with the preorder date where open ASNs bring it; returns the units waiting. */
    private Mono<Integer> recordWaiting(UUID orderId, UUID merchantId, OrderRequest request, Map<String, Variant> variants,
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
        int total = waiting.values().stream().mapToInt(Integer::intValue).sum();
        return Mono.zip(preorders.incoming(merchantId, waitingVariants), preorders.waitingAhead(merchantId, orderId, waitingVariants))
                .flatMap(known -> Flux.fromIterable(waiting.entrySet())
                        .concatMap(entry -> {
                            UUID variant = variantOf.get(entry.getKey());
                            LocalDate expected = Preorders.expectedOn(known.getT1().getOrDefault(variant, List.of()),
                                    known.getT2().getOrDefault(variant, 0), entry.getValue());
                            return db.sql("UPDATE order_lines SET waiting = :waiting, expected_on = :expected WHERE order_id = :order AND line_no = :line")
                                    .bind("waiting", entry.getValue()).bind("expected", Params.nullable(expected, LocalDate.class))
                                    .bind("order", orderId).bind("line", entry.getKey())
                                    .then();
                        })
                        .then())
                .then(db.sql("UPDATE order_lines SET waiting = 0 WHERE order_id = :order AND NOT (line_no = ANY(:waitingLines))")
                        .bind("order", orderId).bind("waitingLines", waiting.keySet().toArray(Integer[]::new))
                        .then())
                .thenReturn(total);
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
