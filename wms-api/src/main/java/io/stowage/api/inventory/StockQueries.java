package io.stowage.api.inventory;

import io.stowage.api.database.Params;
import io.stowage.api.paging.Page;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading the ledger and the balances, and checking that the two still agree. */
@Service
public class StockQueries {

    private final DatabaseClient db;

    public StockQueries(DatabaseClient db) {
        this.db = db;
    }

    public record LedgerEntry(long id, String kind, String sku, String nodeCode, String lotNumber, int quantity,
                              String fromLocationCode, String fromStatus, String toLocationCode, String toStatus,
                              String reason, String referenceType, String referenceId, String actor, String deviceId,
                              OffsetDateTime createdAt) {
    }

    public record Balance(String nodeCode, String locationCode, String sku, String lotNumber, LocalDate expiresOn, String status, int onHand) {
    }

    /** A disagreement between the ledger and a derived balance; an empty list means the books are true. */
    public record Discrepancy(String what, UUID merchantId, UUID variantId, String key, long ledger, long balance) {
    }

    public Mono<Page<LedgerEntry>> movements(UUID merchantId, String sku, long afterId, int limit) {
        return db.sql("""
                        SELECT m.id, m.kind, v.sku, n.code AS node_code, l.lot_number, m.quantity,
                               fl.code AS from_code, m.from_status, tl.code AS to_code, m.to_status,
                               m.reason, m.reference_type, m.reference_id, m.actor, m.device_id, m.created_at
                        FROM stock_movements m
                        JOIN variants v ON v.id = m.variant_id
                        JOIN nodes n ON n.id = m.node_id
                        LEFT JOIN lots l ON l.id = m.lot_id
                        LEFT JOIN locations fl ON fl.id = m.from_location_id
                        LEFT JOIN locations tl ON tl.id = m.to_location_id
                        WHERE m.merchant_id = :merchant AND (CAST(:sku AS text) IS NULL OR v.sku = :sku) AND m.id > :after
                        ORDER BY m.id LIMIT :limit
                        """)
                .bind("merchant", merchantId).bind("sku", Params.nullable(sku, String.class))
                .bind("after", afterId).bind("limit", limit + 1)
                .map(row -> new LedgerEntry(row.get("id", Long.class), row.get("kind", String.class), row.get("sku", String.class),
                        row.get("node_code", String.class), row.get("lot_number", String.class), row.get("quantity", Integer.class),
                        row.get("from_code", String.class), row.get("from_status", String.class), row.get("to_code", String.class),
                        row.get("to_status", String.class), row.get("reason", String.class), row.get("reference_type", String.class),
                        row.get("reference_id", String.class), row.get("actor", String.class), row.get("device_id", String.class),
                        row.get("created_at", OffsetDateTime.class)))
                .all().collectList()
                .map(rows -> Page.of(rows, limit, entry -> Long.toString(entry.id())));
    }

    public Mono<List<Balance>> balances(UUID merchantId, String sku) {
        return db.sql("""
                        SELECT n.code AS node_code, loc.code AS location_code, v.sku, l.lot_number, l.expires_on, b.status, b.on_hand
                        FROM stock_balances b
                        JOIN variants v ON v.id = b.variant_id
                        JOIN nodes n ON n.id = b.node_id
                        JOIN locations loc ON loc.id = b.location_id
                        LEFT JOIN lots l ON l.id = b.lot_key
                        WHERE b.merchant_id = :merchant AND v.sku = :sku AND b.on_hand > 0
                        ORDER BY n.code, loc.code, l.lot_number NULLS FIRST, b.status
                        """)
                .bind("merchant", merchantId).bind("sku", sku)
                .map(row -> new Balance(row.get("node_code", String.class), row.get("location_code", String.class), row.get("sku", String.class),
                        row.get("lot_number", String.class), row.get("expires_on", LocalDate.class), row.get("status", String.class),
                        row.get("on_hand", Integer.class)))
                .all().collectList();
    }

    /**
     * Replays the whole ledger and compares it with every derived balance: per location, per node's
     * sellable level and per variant's total. Meant for audits and benchmarks, not for request paths.
     */
    public Mono<List<Discrepancy>> reconcile() {
        return db.sql("""
                        WITH flows AS (
                            SELECT merchant_id, variant_id, to_location_id AS location_id, coalesce(lot_id, CAST('00000000-0000-0000-0000-000000000000' AS uuid)) AS lot_key,
                                   to_status AS status, quantity AS q
                            FROM stock_movements WHERE to_location_id IS NOT NULL
                            UNION ALL
                            SELECT merchant_id, variant_id, from_location_id, coalesce(lot_id, CAST('00000000-0000-0000-0000-000000000000' AS uuid)),
                                   from_status, -quantity
                            FROM stock_movements WHERE from_location_id IS NOT NULL
                        ), ledger AS (
                            SELECT merchant_id, variant_id, location_id, lot_key, status, sum(q) AS on_hand
                            FROM flows GROUP BY merchant_id, variant_id, location_id, lot_key, status
                        ), by_location AS (
                            SELECT 'location' AS what, coalesce(l.merchant_id, b.merchant_id) AS merchant_id,
                                   coalesce(l.variant_id, b.variant_id) AS variant_id,
                                   coalesce(l.location_id, b.location_id)::text || '/' || coalesce(l.status, b.status) AS key,
                                   coalesce(l.on_hand, 0) AS ledger, coalesce(b.on_hand, 0) AS balance
                            FROM ledger l FULL JOIN stock_balances b
                              ON b.location_id = l.location_id AND b.variant_id = l.variant_id AND b.lot_key = l.lot_key AND b.status = l.status
                        ), sellable AS (
                            SELECT b.merchant_id, b.variant_id, b.node_id, sum(b.on_hand) AS on_hand
                            FROM stock_balances b WHERE b.status = 'available' GROUP BY b.merchant_id, b.variant_id, b.node_id
                        ), by_node AS (
                            SELECT 'node' AS what, coalesce(s.merchant_id, lv.merchant_id) AS merchant_id,
                                   coalesce(s.variant_id, lv.variant_id) AS variant_id, coalesce(s.node_id, lv.node_id)::text AS key,
                                   coalesce(s.on_hand, 0) AS ledger, coalesce(lv.on_hand, 0) AS balance
                            FROM sellable s FULL JOIN stock_levels lv ON lv.variant_id = s.variant_id AND lv.node_id = s.node_id
                        ), by_variant AS (
                            SELECT 'variant_total' AS what, v.merchant_id, v.id AS variant_id, v.sku AS key,
                                   coalesce((SELECT sum(on_hand - reserved) FROM stock_levels lv WHERE lv.variant_id = v.id), 0) AS ledger,
                                   v.available_total AS balance
                            FROM variants v
                        )
                        SELECT * FROM by_location WHERE ledger <> balance
                        UNION ALL SELECT * FROM by_node WHERE ledger <> balance
                        UNION ALL SELECT * FROM by_variant WHERE ledger <> balance
                        """)
                .map(row -> new Discrepancy(row.get("what", String.class), row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class),
                        row.get("key", String.class), row.get("ledger", Number.class).longValue(), row.get("balance", Number.class).longValue()))
                .all().collectList();
    }
}
