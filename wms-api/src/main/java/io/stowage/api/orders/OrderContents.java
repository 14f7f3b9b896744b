package io.stowage.api.orders;

import io.stowage.api.Published;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What an order holds, for the warehouse features that handle its units (packing): its status, the
 * customer's name, and per line the variant, the units ordered, the units still waiting for stock
 * and the open allocations (node, lot, units). Not merchant-scoped: a worker scans an order at their
 * node, and the caller checks the node.
 */
@Service
@Published
public class OrderContents {

    private final DatabaseClient db;

    OrderContents(DatabaseClient db) {
        this.db = db;
    }

    public record Contents(UUID id, UUID merchantId, OrderStatus status, String customerName, String channel, List<Line> lines) {

        public Contents {
            lines = List.copyOf(lines);
        }
    }

    public record Line(int lineNo, UUID variantId, int quantity, int waiting, List<Held> held) {

        public Line {
            held = List.copyOf(held);
        }
    }

    /** Units of a line held at a node, of one lot ({@code StockLedger.NO_LOT} when the variant has none). */
    public record Held(UUID nodeId, UUID lotKey, int quantity) {
    }

    /** The order with its lines and open allocations; empty when there is no such order. */
    public Mono<Contents> of(UUID orderId) {
        return db.sql("""
                        SELECT o.id, o.merchant_id, o.status, o.customer_name, o.channel, l.line_no, l.variant_id, l.quantity, l.waiting,
                               a.node_id, a.lot_key, a.held
                        FROM orders o
                        JOIN order_lines l ON l.order_id = o.id
                        LEFT JOIN (SELECT order_id, line_no, node_id, lot_key, sum(quantity) AS held FROM order_allocations
                                   WHERE order_id = :order AND released_at IS NULL GROUP BY order_id, line_no, node_id, lot_key) a
                               ON a.order_id = l.order_id AND a.line_no = l.line_no
                        WHERE o.id = :order
                        ORDER BY l.line_no, a.node_id, a.lot_key
                        """)
                .bind("order", orderId)
                .map(row -> new Row(row.get("id", UUID.class), row.get("merchant_id", UUID.class), OrderStatus.fromDb(row.get("status", String.class)),
                        row.get("customer_name", String.class), row.get("channel", String.class), row.get("line_no", Integer.class),
                        row.get("variant_id", UUID.class), row.get("quantity", Integer.class), row.get("waiting", Integer.class),
                        row.get("node_id", UUID.class) == null ? null
                                : new Held(row.get("node_id", UUID.class), row.get("lot_key", UUID.class), row.get("held", Number.class).intValue())))
                .all().collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.empty() : Mono.just(contents(rows)));
    }

    /**
     * Units of each variant of the order that left the node in a carton (its load's manifest closed),
     * for work that follows them (returns); a variant none of whose units shipped is missing.
     */
    public Mono<Map<UUID, Integer>> shippedUnits(UUID orderId) {
        return db.sql("SELECT variant_id, sum(shipped) AS units FROM order_lines WHERE order_id = :order GROUP BY variant_id HAVING sum(shipped) > 0")
                .bind("order", orderId)
                .map(row -> Map.entry(row.get("variant_id", UUID.class), row.get("units", Number.class).intValue()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Who last moved the order to this status, as its history records them; empty when it never was in it. */
    public Mono<String> movedBy(UUID orderId, OrderStatus status) {
        return db.sql("SELECT actor FROM order_history WHERE order_id = :order AND to_status = :status ORDER BY id DESC LIMIT 1")
                .bind("order", orderId).bind("status", status.db())
                .map(row -> row.get("actor", String.class))
                .one();
    }

    /** Which of these orders are cancelled, in one query; unknown ids are simply missing. */
    public Flux<UUID> cancelledAmong(Collection<UUID> orderIds) {
        return orderIds.isEmpty() ? Flux.empty()
                : db.sql("SELECT id FROM orders WHERE id = ANY(:ids) AND status = 'cancelled'")
                        .bind("ids", orderIds.toArray(UUID[]::new))
                        .map(row -> row.get("id", UUID.class)).all();
    }

    private record Row(UUID id, UUID merchantId, OrderStatus status, String customerName, String channel, int lineNo, UUID variantId,
                       int quantity, int waiting, Held held) {
    }

    private static Contents contents(List<Row> rows) {
        Map<Integer, List<Row>> byLine = new LinkedHashMap<>();
        rows.forEach(row -> byLine.computeIfAbsent(row.lineNo(), k -> new ArrayList<>()).add(row));
        List<Line> lines = new ArrayList<>();
        byLine.forEach((lineNo, parts) -> lines.add(new Line(lineNo, parts.get(0).variantId(), parts.get(0).quantity(), parts.get(0).waiting(),
                parts.stream().map(Row::held).filter(java.util.Objects::nonNull).toList())));
        Row first = rows.get(0);
        return new Contents(first.id(), first.merchantId(), first.status(), first.customerName(), first.channel(), lines);
    }
}
