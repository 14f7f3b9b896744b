package io.stowage.api.orders;

import io.r2dbc.spi.Readable;
import io.stowage.api.database.Params;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading orders: one with its lines and where they ship from, a filtered page, the history, and the books check. */
@Service
public class OrderQueries {

    private final DatabaseClient db;
    private final List<PlannedCarrierServices> plannedServices;

    public OrderQueries(DatabaseClient db, List<PlannedCarrierServices> plannedServices) {
        this.db = db;
        this.plannedServices = plannedServices;
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
                        SELECT o.*, n.code AS pickup_code FROM orders o LEFT JOIN nodes n ON n.id = o.pickup_node_id
                        WHERE o.id = :id AND o.merchant_id = :merchant
                        """)
                .bind("id", orderId).bind("merchant", merchantId)
                .map(OrderQueries::header)
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", orderId)))
                .flatMap(header -> lines(orderId).map(header::withLines))
                .flatMap(view -> Flux.fromIterable(plannedServices).concatMap(planned -> planned.forOrder(orderId)).next()
                        .map(view::withPlannedService).defaultIfEmpty(view));
    }

    private static OrderView header(Readable row) {
        OrderView.Address address = new OrderView.Address(row.get("address_line", String.class), row.get("city", String.class),
                row.get("postal_code", String.class), row.get("country", String.class),
                row.get("latitude", Double.class), row.get("longitude", Double.class));
        OrderView.Customer customer = new OrderView.Customer(row.get("customer_name", String.class), row.get("customer_email", String.class),
                row.get("customer_phone", String.class), address, row.get("customer_language", String.class),
                row.get("customer_notify", String.class));
        return new OrderView(row.get("id", UUID.class), row.get("status", String.class), row.get("service_level", String.class),
                row.get("channel", String.class), customer, row.get("pickup_code", String.class), row.get("promised_on", LocalDate.class),
                row.get("carrier_code", String.class) == null ? null : row.get("carrier_code", String.class) + "/" + row.get("carrier_service_code", String.class),
                row.get("gift_message", String.class), row.get("route_basis", String.class), row.get("accepted_at", OffsetDateTime.class),
                row.get("updated_at", OffsetDateTime.class), List.of());
    }

    private Mono<List<OrderView.Line>> lines(UUID orderId) {
        return db.sql("""
                        SELECT l.line_no, v.sku, l.quantity, l.waiting, l.shipped, l.expected_on,
                               n.code AS node_code, n.kind AS node_kind, a.quantity AS allocated, lot.lot_number, lot.expires_on
                        FROM order_lines l
                        JOIN variants v ON v.id = l.variant_id
                        LEFT JOIN order_allocations a ON a.order_id = l.order_id AND a.line_no = l.line_no AND a.released_at IS NULL
                        LEFT JOIN nodes n ON n.id = a.node_id
                        LEFT JOIN lots lot ON lot.id = a.lot_key
                        WHERE l.order_id = :order
                        ORDER BY l.line_no, n.code, lot.expires_on, lot.lot_number
                        """)
                .bind("order", orderId)
                .map(row -> new LineRow(row.get("line_no", Integer.class), row.get("sku", String.class), row.get("quantity", Integer.class),
                        row.get("waiting", Integer.class), row.get("shipped", Integer.class), row.get("expected_on", LocalDate.class),
                        row.get("node_code", String.class) == null ? null : new OrderView.ShipFrom(row.get("node_code", String.class),
                                row.get("node_kind", String.class), row.get("allocated", Integer.class), row.get("lot_number", String.class),
                                row.get("expires_on", LocalDate.class))))
                .all().collectList()
                .map(rows -> {
                    Map<Integer, List<LineRow>> byLine = new LinkedHashMap<>();
                    rows.forEach(row -> byLine.computeIfAbsent(row.lineNo(), k -> new ArrayList<>()).add(row));
                    List<OrderView.Line> lines = new ArrayList<>();
                    byLine.forEach((lineNo, parts) -> {
                        LineRow first = parts.get(0);
                        List<OrderView.ShipFrom> shipsFrom = parts.stream().map(LineRow::shipFrom).filter(java.util.Objects::nonNull).toList();
                        boolean preorder = first.expectedOn() != null;
                        lines.add(new OrderView.Line(lineNo, first.sku(), first.quantity(),
                                shipsFrom.stream().mapToInt(OrderView.ShipFrom::quantity).sum(),
                                preorder ? 0 : first.waiting(), preorder ? first.waiting() : 0, first.shipped(), first.expectedOn(), shipsFrom));
                    });
                    return lines;
                });
    }

    /** One line joined with one of its allocations (or none). */
    private record LineRow(int lineNo, String sku, int quantity, int waiting, int shipped, LocalDate expectedOn, OrderView.ShipFrom shipFrom) {
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
        return db.sql("""
                        WITH open AS (
                            SELECT variant_id, node_id, sum(quantity) AS quantity FROM order_allocations
                            WHERE released_at IS NULL GROUP BY variant_id, node_id
                        ), by_level AS (
                            SELECT 'reserved' AS what, coalesce(s.merchant_id, v.merchant_id) AS merchant_id,
                                   coalesce(s.variant_id, o.variant_id)::text || '/' || coalesce(s.node_id, o.node_id)::text AS key,
                                   coalesce(o.quantity, 0) AS expected, coalesce(s.reserved, 0) AS actual
                            FROM stock_levels s FULL JOIN open o ON o.variant_id = s.variant_id AND o.node_id = s.node_id
                            LEFT JOIN variants v ON v.id = o.variant_id
                        ), line_alloc AS (
                            SELECT order_id, line_no, sum(quantity) AS quantity FROM order_allocations
                            WHERE released_at IS NULL GROUP BY order_id, line_no
                        ), by_line AS (
                            SELECT 'order_line' AS what, l.merchant_id, l.order_id::text || '/' || l.line_no AS key,
                                   CASE WHEN o.status = 'cancelled' THEN 0 ELSE l.quantity END AS expected,
                                   l.waiting + coalesce(a.quantity, 0) + l.shipped AS actual
                            FROM order_lines l JOIN orders o ON o.id = l.order_id
                            LEFT JOIN line_alloc a ON a.order_id = l.order_id AND a.line_no = l.line_no
                        )
                        SELECT * FROM by_level WHERE expected <> actual
                        UNION ALL SELECT * FROM by_line WHERE expected <> actual
                        """)
                .map(row -> new Discrepancy(row.get("what", String.class), row.get("merchant_id", UUID.class), row.get("key", String.class),
                        row.get("expected", Number.class).longValue(), row.get("actual", Number.class).longValue()))
                .all().collectList();
    }
}
