package io.stowage.api.counts;

import io.stowage.api.access.Caller;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.database.Params;
import io.stowage.api.inventory.ShelfStock;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cycle counts a merchant asks for itself (issue 14): the same tasks a supervisor opens, one per
 * location at a node, marked as the merchant's request so that they are billed to it once approved,
 * and listed with the node's other counts for the supervisor. A merchant names either one of its SKUs
 * (every location of the node holding its units of it) or locations; only locations that hold the
 * merchant's own units can be asked for, and a location holding none of them is refused exactly like
 * one that does not exist, so a merchant learns nothing of other merchants' stock.
 */
@Service
class CountRequests {

    static final Set<String> STATUSES = Set.of("open", "counted", "approved", "rejected");

    /** A count the merchant asked for, as the merchant sees it: where and how far it got, never what was counted. */
    record RequestedCount(UUID id, String nodeCode, String locationCode, String status, OffsetDateTime createdAt, OffsetDateTime decidedAt) {
    }

    private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final DatabaseClient db;
    private final Network network;
    private final Variants variants;
    private final ShelfStock shelves;

    CountRequests(DatabaseClient db, Network network, Variants variants, ShelfStock shelves) {
        this.db = db;
        this.network = network;
        this.variants = variants;
        this.shelves = shelves;
    }

    /**
     * Opens a count per location for the merchant: those of {@code locationCodes}, or every location
     * of the node holding the merchant's units of {@code sku}; exactly one of the two is given.
     * Nothing is opened when any location is refused or already has a count open.
     */
    Mono<List<RequestedCount>> request(Caller.Merchant merchant, String nodeCode, String sku, List<String> locationCodes) {
        if ((sku == null) == (locationCodes == null)) {
            return Mono.error(ApiProblem.invalid("Name either one SKU or the location codes to count", List.of(
                    new ApiProblem.FieldProblem("sku", "give either sku or location_codes"),
                    new ApiProblem.FieldProblem("location_codes", "give either sku or location_codes"))));
        }
        return node(merchant, nodeCode).flatMap(node -> (sku != null ? locationsOfSku(merchant, node, sku) : namedLocations(merchant, node, locationCodes))
                .flatMap(locations -> notAlreadyOpen(locations)
                        .thenMany(Flux.fromIterable(locations))
                        .concatMap(location -> db.sql("""
                                        INSERT INTO count_tasks (node_id, location_id, status, created_by, requested_by_merchant_id)
                                        VALUES (:node, :location, 'open', :actor, :merchant)
                                        RETURNING id, status, created_at
                                        """)
                                .bind("node", node.id()).bind("location", location.id()).bind("actor", merchant.actor())
                                .bind("merchant", merchant.merchantId())
                                .map(row -> new RequestedCount(row.get("id", UUID.class), node.code(), location.code(), row.get("status", String.class),
                                        row.get("created_at", OffsetDateTime.class), null))
                                .one())
                        .collectList()));
    }

    /** A warehouse, or a store of this merchant; another merchant's store is refused exactly as an unknown code is. */
    private Mono<Node> node(Caller.Merchant merchant, String nodeCode) {
        return network.node(nodeCode)
                .onErrorResume(e -> e instanceof ApiProblem problem && problem.problemType() == ProblemType.NOT_FOUND, e -> Mono.empty())
                .filter(node -> node.merchantId() == null || node.merchantId().equals(merchant.merchantId()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalid("node_code", "no warehouse or store of yours has the code " + nodeCode)));
    }

    private Mono<List<LocationRef>> locationsOfSku(Caller.Merchant merchant, Node node, String sku) {
        return variants.bySku(merchant.merchantId(), sku)
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalid("sku", "no variant of yours has the SKU " + sku)))
                .flatMap((VariantRef variant) -> shelves.holdingMerchantStock(merchant.merchantId(), node.id(), variant.id()))
                .flatMap(held -> held.isEmpty()
                        ? Mono.error(ApiProblem.invalid("sku", "no location of " + node.code() + " holds your units of " + sku))
                        : network.locationsByIds(held).sort(Comparator.comparing(LocationRef::code)).collectList());
    }

    private Mono<List<LocationRef>> namedLocations(Caller.Merchant merchant, Node node, List<String> codes) {
        return shelves.holdingMerchantStock(merchant.merchantId(), node.id(), null)
                .flatMap(held -> held.isEmpty() ? Mono.just(Map.<String, LocationRef>of())
                        : network.locationsByIds(held).collectMap(LocationRef::code, Function.identity()))
                .flatMap(yours -> {
                    List<ApiProblem.FieldProblem> refused = new ArrayList<>();
                    for (int i = 0; i < codes.size(); i++) {
                        if (!yours.containsKey(codes.get(i))) {
                            refused.add(new ApiProblem.FieldProblem("location_codes[" + i + "]",
                                    "no location " + codes.get(i) + " of " + node.code() + " holds units of yours"));
                        }
                    }
                    return refused.isEmpty()
                            ? Mono.just(codes.stream().distinct().sorted().map(yours::get).toList())
                            : Mono.error(ApiProblem.invalid("Only locations that hold your units can be counted for you", refused));
                });
    }

    /** One count at a time per location (the index the supervisor's counts keep too), told before anything is written. */
    private Mono<Void> notAlreadyOpen(List<LocationRef> locations) {
        return db.sql("SELECT location_id FROM count_tasks WHERE location_id = ANY(:locations) AND status IN ('open', 'counted')")
                .bind("locations", locations.stream().map(LocationRef::id).toArray(UUID[]::new))
                .map(row -> row.get("location_id", UUID.class))
                .all().collect(Collectors.toSet())
                .flatMap(open -> open.isEmpty() ? Mono.<Void>empty()
                        : Mono.error(ApiProblem.of(ProblemType.COUNT_ALREADY_OPEN, "A count is already open at "
                                + locations.stream().filter(l -> open.contains(l.id())).map(LocationRef::code).collect(Collectors.joining(", "))
                                + "; it counts your units there too")));
    }

    /** The merchant's requested counts, oldest first, in one status or all. */
    Mono<Page<RequestedCount>> list(UUID merchantId, String status, String afterKey, int limit) {
        if (status != null && !STATUSES.contains(status)) {
            return Mono.error(ApiProblem.invalid("status", "must be one of open, counted, approved, rejected"));
        }
        return db.sql("""
                        SELECT id, node_id, location_id, status, created_at, decided_at,
                               to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '/' || CAST(id AS text) AS page_key
                        FROM count_tasks
                        WHERE requested_by_merchant_id = :merchant AND (CAST(:status AS text) IS NULL OR status = :status)
                          AND to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '/' || CAST(id AS text) > :after
                        ORDER BY created_at, id
                        LIMIT :limit
                        """)
                .bind("merchant", merchantId).bind("status", Params.nullable(status, String.class)).bind("after", afterKey)
                .bind("limit", limit + 1)
                .map(row -> new Row(row.get("id", UUID.class), row.get("node_id", UUID.class), row.get("location_id", UUID.class),
                        row.get("status", String.class), row.get("created_at", OffsetDateTime.class), row.get("decided_at", OffsetDateTime.class)))
                .all().collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(List.<RequestedCount>of()) : network.nodes(rows.stream().map(Row::nodeId).collect(Collectors.toSet()))
                        .collectMap(Node::id, Node::code)
                        .zipWith(network.locationsByIds(rows.stream().map(Row::locationId).collect(Collectors.toSet())).collectMap(LocationRef::id, LocationRef::code))
                        .map(codes -> rows.stream().map(row -> new RequestedCount(row.id(), codes.getT1().get(row.nodeId()), codes.getT2().get(row.locationId()),
                                row.status(), row.createdAt(), row.decidedAt())).toList()))
                .map(rows -> Page.of(rows, limit, CountRequests::pageKey));
    }

    private record Row(UUID id, UUID nodeId, UUID locationId, String status, OffsetDateTime createdAt, OffsetDateTime decidedAt) {
    }

    private static String pageKey(RequestedCount count) {
        return PAGE_TIME.format(count.createdAt().atZoneSameInstant(ZoneOffset.UTC)) + "/" + count.id();
    }
}
