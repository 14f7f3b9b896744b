package io.stowage.api.orders;

import io.r2dbc.spi.Readable;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.database.Params;
import io.stowage.api.inventory.LotNumbers;
import io.stowage.api.inventory.Reservations;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading orders: one with its lines and where they ship from, a filtered page, the history, and the books check. */
@Service
public class OrderQueries {

    private final DatabaseClient db;
    private final List<PlannedCarrierServices> plannedServices;
    private final Variants variants;
    private final Network network;
    private final LotNumbers lotNumbers;
    private final Reservations reservations;
    private final TransactionalOperator tx;

    public OrderQueries(DatabaseClient db, List<PlannedCarrierServices> plannedServices, Variants variants, Network network,
                        LotNumbers lotNumbers, Reservations reservations, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
        this.plannedServices = plannedServices;
        this.variants = variants;
        this.network = network;
        this.lotNumbers = lotNumbers;
        this.reservations = reservations;
    }

    /** Where reservations and orders disagree; empty when every reserved unit belongs to an open allocation and every line adds up. */
    public record Discrepancy(String what, UUID merchantId, String key, long expected, long actual) {
    }

    /** Filters of the order list; nulls do not filter. */
    public record Filter(OrderStatus status, String channel, ServiceLevel serviceLevel, OffsetDateTime acceptedFrom,
                         OffsetDateTime acceptedBefore) {
    }

    /** The merchant's order, or 404 for any other (including another merchant's). */
    public Mono<OrderView> get(UUID merchantId, UUID orderId) {
        return db.sql("""
                        SELECT o.* FROM orders o WHERE o.id = :id AND o.merchant_id = :merchant
                        """)
                .bind("id", orderId).bind("merchant", merchantId)
                .map(row -> new Header(header(row), row.get("pickup_node_id", UUID.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", orderId)))
                .flatMap(header -> (header.pickupNodeId() == null ? Mono.just(header.view())
                        : network.node(header.pickupNodeId()).map(pickup -> header.view().withPickupCode(pickup.code())))
                        .zipWith(lines(orderId), OrderView::withLines))
                .flatMap(view -> Flux.fromIterable(plannedServices).concatMap(planned -> planned.forOrder(orderId)).next()
                        .map(view::withPlannedService).defaultIfEmpty(view));
    }

    /** The order's row without its lines, and the store it is collected from (null when shipped). */
    private record Header(OrderView view, UUID pickupNodeId) {
    }

    private static OrderView header(Readable row) {
        OrderView.Address address = new OrderView.Address(row.get("address_line", String.class), row.get("city", String.class),
                row.get("postal_code", String.class), row.get("country", String.class),
                row.get("latitude", Double.class), row.get("longitude", Double.class));
        OrderView.Customer customer = new OrderView.Customer(row.get("customer_name", String.class), row.get("customer_email", String.class),
                row.get("customer_phone", String.class), address, row.get("customer_language", String.class),
                row.get("customer_notify", String.class));
        return new OrderView(row.get("id", UUID.class), row.get("status", String.class), row.get("service_level", String.class),
                row.get("channel", String.class), customer, null, row.get("promised_on", LocalDate.class),
                row.get("carrier_code", String.class) == null ? null : row.get("carrier_code", String.class) + "/" + row.get("carrier_service_code", String.class),
                row.get("gift_message", String.class), row.get("route_basis", String.class), row.get("accepted_at", OffsetDateTime.class),
                row.get("updated_at", OffsetDateTime.class), List.of());
    }

    /**
     * The order's lines with where they ship from. The SKUs, node codes and lot numbers belong to the
     * catalog, the network and inventory: asked of them for the ids the lines and allocations name.
     */
    private Mono<List<OrderView.Line>> lines(UUID orderId) {
        return db.sql("""
                        SELECT l.line_no, l.variant_id, l.quantity, l.waiting, l.shipped, l.expected_on, a.node_id, a.lot_key, a.quantity AS allocated
                        FROM order_lines l
                        LEFT JOIN order_allocations a ON a.order_id = l.order_id AND a.line_no = l.line_no AND a.released_at IS NULL
                        WHERE l.order_id = :order
                        ORDER BY l.line_no
                        """)
                .bind("order", orderId)
                .map(row -> new LineRow(row.get("line_no", Integer.class), row.get("variant_id", UUID.class), row.get("quantity", Integer.class),
                        row.get("waiting", Integer.class), row.get("shipped", Integer.class), row.get("expected_on", LocalDate.class),
                        row.get("node_id", UUID.class), row.get("lot_key", UUID.class), row.get("allocated", Integer.class)))
                .all().collectList()
                .flatMap(rows -> Mono.zip(
                                variants.byIds(rows.stream().map(LineRow::variantId).distinct().toList()).collectMap(VariantRef::id, VariantRef::sku),
                                network.nodes(rows.stream().map(LineRow::nodeId).filter(Objects::nonNull).distinct().toList())
                                        .collectMap(Node::id, node -> node),
                                lotNumbers.of(rows.stream().map(LineRow::lotKey).filter(Objects::nonNull).toList()))
                        .map(names -> {
                            Map<Integer, List<LineRow>> byLine = new LinkedHashMap<>();
                            rows.forEach(row -> byLine.computeIfAbsent(row.lineNo(), k -> new ArrayList<>()).add(row));
                            List<OrderView.Line> lines = new ArrayList<>();
                            byLine.forEach((lineNo, parts) -> {
                                LineRow first = parts.get(0);
                                List<OrderView.ShipFrom> shipsFrom = parts.stream()
                                        .filter(part -> part.nodeId() != null)
                                        .map(part -> {
                                            Node node = names.getT2().get(part.nodeId());
                                            LotNumbers.Lot lot = part.lotKey() == null ? null : names.getT3().get(part.lotKey());
                                            return new OrderView.ShipFrom(node.code(), node.kind(), part.allocated(),
                                                    lot == null ? null : lot.lotNumber(), lot == null ? null : lot.expiresOn());
                                        })
                                        .sorted(OrderView.ShipFrom.LISTED)
                                        .toList();
                                boolean preorder = first.expectedOn() != null;
                                lines.add(new OrderView.Line(lineNo, names.getT1().get(first.variantId()), first.quantity(),
                                        shipsFrom.stream().mapToInt(OrderView.ShipFrom::quantity).sum(),
                                        preorder ? 0 : first.waiting(), preorder ? first.waiting() : 0, first.shipped(), first.expectedOn(), shipsFrom));
                            });
                            return lines;
                        }));
    }

    /** One line joined with one of its open allocations (or none: null node). */
    private record LineRow(int lineNo, UUID variantId, int quantity, int waiting, int shipped, LocalDate expectedOn,
                           UUID nodeId, UUID lotKey, Integer allocated) {
    }

    /** The merchant's orders, oldest first, filtered. */
    public Mono<Page<OrderView.Summary>> list(UUID merchantId, Filter filter, Integer limit, String after) {
        int size = Cursor.limit(limit);
        String cursor = Cursor.decode(after);
        OffsetDateTime afterAt = null;
        UUID afterId = null;
        if (!cursor.isEmpty()) {
            String[] parts = cursor.split("\\|");
            try {
                afterAt = OffsetDateTime.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("after", "is not a cursor this API gave out");
            }
        }
        return db.sql("""
                        SELECT o.id, o.status, o.service_level, o.channel, o.customer_name, o.accepted_at, o.updated_at,
                               (SELECT sum(quantity) FROM order_lines l WHERE l.order_id = o.id) AS units,
                               (SELECT sum(waiting) FROM order_lines l WHERE l.order_id = o.id) AS waiting
                        FROM orders o
                        WHERE o.merchant_id = :merchant
                          AND (CAST(:status AS text) IS NULL OR o.status = :status)
                          AND (CAST(:channel AS text) IS NULL OR o.channel = :channel)
                          AND (CAST(:level AS text) IS NULL OR o.service_level = :level)
                          AND (CAST(:from AS timestamptz) IS NULL OR o.accepted_at >= :from)
                          AND (CAST(:before AS timestamptz) IS NULL OR o.accepted_at < :before)
                          AND (CAST(:afterAt AS timestamptz) IS NULL OR (o.accepted_at, o.id) > (:afterAt, :afterId))
                        ORDER BY o.accepted_at, o.id
                        LIMIT :limit
                        """)
                .bind("merchant", merchantId)
                .bind("status", Params.nullable(filter.status() == null ? null : filter.status().db(), String.class))
                .bind("channel", Params.nullable(filter.channel(), String.class))
                .bind("level", Params.nullable(filter.serviceLevel() == null ? null : filter.serviceLevel().db(), String.class))
                .bind("from", Params.nullable(filter.acceptedFrom(), OffsetDateTime.class))
                .bind("before", Params.nullable(filter.acceptedBefore(), OffsetDateTime.class))
                .bind("afterAt", Params.nullable(afterAt, OffsetDateTime.class))
                .bind("afterId", Params.nullable(afterId, UUID.class))
                .bind("limit", size + 1)
                .map(row -> new OrderView.Summary(row.get("id", UUID.class), row.get("status", String.class),
                        row.get("service_level", String.class), row.get("channel", String.class), row.get("customer_name", String.class),
                        row.get("units", Number.class).intValue(), row.get("waiting", Number.class).intValue(),
                        row.get("accepted_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class)))
                .all().collectList()
                .map(rows -> Page.of(rows, size, s -> s.acceptedAt() + "|" + s.id()));
    }

    public Mono<List<OrderView.Step>> history(UUID merchantId, UUID orderId) {
        return db.sql("SELECT 1 FROM orders WHERE id = :id AND merchant_id = :merchant")
                .bind("id", orderId).bind("merchant", merchantId)
                .map(row -> true).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", orderId)))
                .then(db.sql("""
                                SELECT from_status, to_status, actor, note, created_at FROM order_history
                                WHERE order_id = :id AND merchant_id = :merchant ORDER BY id
                                """)
                        .bind("id", orderId).bind("merchant", merchantId)
                        .map(row -> new OrderView.Step(row.get("from_status", String.class), row.get("to_status", String.class),
                                row.get("actor", String.class), row.get("note", String.class), row.get("created_at", OffsetDateTime.class)))
                        .all().collectList());
    }

    /**
     * Reserved units per variant and node against the open allocations, and every line's quantity
     * against its allocations plus what it still waits for plus what has shipped (nothing for
     * cancelled orders).
     */
    public Mono<List<Discrepancy>> reconcile() {
        Mono<Map<List<UUID>, Long>> open = db.sql("""
                        SELECT merchant_id, variant_id, node_id, sum(quantity) AS quantity FROM order_allocations
                        WHERE released_at IS NULL GROUP BY merchant_id, variant_id, node_id
                        """)
                .map(row -> Map.entry(List.of(row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class), row.get("node_id", UUID.class)),
                        row.get("quantity", Number.class).longValue()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
        Mono<Map<List<UUID>, Long>> reserved = reservations.reservedLevels()
                .collectMap(level -> List.of(level.merchantId(), level.variantId(), level.nodeId()), level -> (long) level.reserved());
        Mono<List<Discrepancy>> byLevel = open.zipWith(reserved).map(books -> {
            Set<List<UUID>> levels = new TreeSet<>(Comparator.comparing((List<UUID> level) -> level.get(0))
                    .thenComparing(level -> level.get(1)).thenComparing(level -> level.get(2)));
            levels.addAll(books.getT1().keySet());
            levels.addAll(books.getT2().keySet());
            return levels.stream()
                    .filter(level -> !books.getT1().getOrDefault(level, 0L).equals(books.getT2().getOrDefault(level, 0L)))
                    .map(level -> new Discrepancy("reserved", level.get(0), level.get(1) + "/" + level.get(2),
                            books.getT1().getOrDefault(level, 0L), books.getT2().getOrDefault(level, 0L)))
                    .toList();
        });
        Mono<List<Discrepancy>> byLine = db.sql("""
                        WITH line_alloc AS (
                            SELECT order_id, line_no, sum(quantity) AS quantity FROM order_allocations
                            WHERE released_at IS NULL GROUP BY order_id, line_no
                        )
                        SELECT 'order_line' AS what, l.merchant_id, l.order_id::text || '/' || l.line_no AS key,
                               CASE WHEN o.status = 'cancelled' THEN 0 ELSE l.quantity END AS expected,
                               l.waiting + coalesce(a.quantity, 0) + l.shipped AS actual
                        FROM order_lines l JOIN orders o ON o.id = l.order_id
                        LEFT JOIN line_alloc a ON a.order_id = l.order_id AND a.line_no = l.line_no
                        WHERE CASE WHEN o.status = 'cancelled' THEN 0 ELSE l.quantity END <> l.waiting + coalesce(a.quantity, 0) + l.shipped
                        """)
                .map(row -> new Discrepancy(row.get("what", String.class), row.get("merchant_id", UUID.class), row.get("key", String.class),
                        row.get("expected", Number.class).longValue(), row.get("actual", Number.class).longValue()))
                .all().collectList();
        // One snapshot for both books, as one statement would see them: reservations and allocations
        // change together in every command, so reads at two moments could disagree while the books agree.
        return db.sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").then()
                .then(byLevel.zipWhen(levels -> byLine, (levels, lines) -> {
                    List<Discrepancy> all = new ArrayList<>(levels);
                    all.addAll(lines);
                    return all;
                }))
                .as(tx::transactional);
    }
}
