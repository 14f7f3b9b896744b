package io.stowage.api.orders;

import io.stowage.api.Published;
import io.stowage.api.database.Params;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What picking's waves need of orders: the allocated orders a new wave may take (locked, so that a
 * change to one waits for the wave or is seen by it), the units the wave's orders hold at the node,
 * and what batching weighs and orders them by.
 */
@Published
@Component
public class WaveOrders {

    /** What a wave is cut by; every part is optional (null). {@code carrierCode} needs the day plan's orders by carrier. */
    public record Filter(LocalDate cutOffBefore, String serviceLevel, String carrierCode, Collection<UUID> plannedOnCarrier,
                         Collection<UUID> plannedElsewhere) {
    }

    /** An order a wave may take. */
    public record Candidate(UUID orderId, UUID merchantId, OffsetDateTime acceptedAt) {
    }

    /** Units of an order's line and lot held at a node and not released. */
    public record Held(UUID orderId, UUID merchantId, int lineNo, UUID variantId, UUID lotKey, int quantity) {
    }

    /** What batching weighs and orders by. */
    public record Facts(UUID orderId, OffsetDateTime acceptedAt, LocalDate promisedOn, String serviceLevel) {
    }

    private final DatabaseClient db;

    WaveOrders(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The allocated orders with units held at the node that match the filter, locked until the caller's
     * transaction ends, in id order (the order every multi-order lock takes).
     */
    public Flux<Candidate> lockAllocated(UUID nodeId, Filter filter) {
        return db.sql("""
                        SELECT o.id, o.merchant_id, o.accepted_at FROM orders o
                        WHERE o.status = 'allocated'
                          AND EXISTS (SELECT 1 FROM order_allocations a
                                      WHERE a.order_id = o.id AND a.node_id = :node AND a.released_at IS NULL)
                          AND (CAST(:cutOff AS date) IS NULL OR o.promised_on <= :cutOff)
                          AND (CAST(:serviceLevel AS text) IS NULL OR o.service_level = :serviceLevel)
                          AND (CAST(:carrier AS text) IS NULL OR o.id = ANY(:plannedOn)
                               OR (o.carrier_code = :carrier AND NOT o.id = ANY(:plannedElsewhere)))
                        ORDER BY o.id
                        FOR UPDATE OF o
                        """)
                .bind("node", nodeId)
                .bind("cutOff", Params.nullable(filter.cutOffBefore(), LocalDate.class))
                .bind("serviceLevel", Params.nullable(filter.serviceLevel(), String.class))
                .bind("carrier", Params.nullable(filter.carrierCode(), String.class))
                .bind("plannedOn", filter.plannedOnCarrier().toArray(UUID[]::new))
                .bind("plannedElsewhere", filter.plannedElsewhere().toArray(UUID[]::new))
                .map(row -> new Candidate(row.get("id", UUID.class), row.get("merchant_id", UUID.class),
                        row.get("accepted_at", OffsetDateTime.class)))
                .all();
    }

    /**
     * The units these orders hold at the node, per line and lot, of the orders still allocated; the
     * oldest order first, then by line and lot.
     */
    public Flux<Held> heldAt(UUID nodeId, Collection<UUID> orderIds) {
        return db.sql("""
                        SELECT a.merchant_id, a.order_id, a.line_no, a.variant_id, a.lot_key, sum(a.quantity) AS quantity
                        FROM order_allocations a JOIN orders o ON o.id = a.order_id
                        WHERE a.order_id = ANY(:orders) AND a.node_id = :node AND a.released_at IS NULL AND o.status = 'allocated'
                        GROUP BY a.merchant_id, a.order_id, a.line_no, a.variant_id, a.lot_key, o.accepted_at
                        ORDER BY o.accepted_at, a.order_id, a.line_no, a.lot_key
                        """)
                .bind("orders", orderIds.toArray(UUID[]::new)).bind("node", nodeId)
                .map(row -> new Held(row.get("order_id", UUID.class), row.get("merchant_id", UUID.class), row.get("line_no", Integer.class),
                        row.get("variant_id", UUID.class), row.get("lot_key", UUID.class), row.get("quantity", Number.class).intValue()))
                .all();
    }

    /** These orders' facts for batching; unknown ids are left out. */
    public Flux<Facts> facts(Collection<UUID> orderIds) {
        return db.sql("SELECT id, accepted_at, promised_on, service_level FROM orders WHERE id = ANY(:orders)")
                .bind("orders", orderIds.toArray(UUID[]::new))
                .map(row -> new Facts(row.get("id", UUID.class), row.get("accepted_at", OffsetDateTime.class),
                        row.get("promised_on", LocalDate.class), row.get("service_level", String.class)))
                .all();
    }
}
