package io.stowage.api.inventory;

import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.database.Params;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.paging.Page;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading the ledger and the balances, and checking that the two still agree. */
@Service
public class StockQueries {

    private final DatabaseClient db;
    private final Variants variants;
    private final Network network;
    private final AvailableTotals totals;

    public StockQueries(DatabaseClient db, Variants variants, Network network, AvailableTotals totals) {
        this.db = db;
        this.totals = totals;
        this.variants = variants;
        this.network = network;
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
        Mono<Optional<UUID>> variant = sku == null ? Mono.just(Optional.empty()) : variants.bySku(merchantId, sku).map(found -> Optional.of(found.id()));
        return variant
                .flatMap(only -> db.sql("""
                                SELECT m.id, m.kind, m.variant_id, m.node_id, l.lot_number, m.quantity,
                                       m.from_location_id, m.from_status, m.to_location_id, m.to_status,
                                       m.reason, m.reference_type, m.reference_id, m.actor, m.device_id, m.created_at
                                FROM stock_movements m
                                LEFT JOIN lots l ON l.id = m.lot_id
                                WHERE m.merchant_id = :merchant AND (CAST(:variant AS uuid) IS NULL OR m.variant_id = :variant) AND m.id > :after
                                ORDER BY m.id LIMIT :limit
                                """)
                        .bind("merchant", merchantId).bind("variant", Params.nullable(only.orElse(null), UUID.class))
                        .bind("after", afterId).bind("limit", limit + 1)
                        .map(row -> new MovementRow(row.get("id", Long.class), row.get("kind", String.class), row.get("variant_id", UUID.class),
                                row.get("node_id", UUID.class), row.get("lot_number", String.class), row.get("quantity", Integer.class),
                                row.get("from_location_id", UUID.class), row.get("from_status", String.class),
                                row.get("to_location_id", UUID.class), row.get("to_status", String.class), row.get("reason", String.class),
                                row.get("reference_type", String.class), row.get("reference_id", String.class), row.get("actor", String.class),
                                row.get("device_id", String.class), row.get("created_at", OffsetDateTime.class)))
                        .all().collectList())
                // a SKU the merchant does not have has no movements
                .defaultIfEmpty(List.of())
                .flatMap(rows -> names(rows.stream().map(MovementRow::variantId).toList(), rows.stream().map(MovementRow::nodeId).toList(),
                        rows.stream().flatMap(row -> Stream.of(row.fromLocationId(), row.toLocationId())).filter(Objects::nonNull).toList())
                        .map(names -> rows.stream().map(row -> row.entry(names)).toList()))
                .map(rows -> Page.of(rows, limit, entry -> Long.toString(entry.id())));
    }

    public Mono<List<Balance>> balances(UUID merchantId, String sku) {
        return variants.bySku(merchantId, sku)
                .flatMap(variant -> db.sql("""
                                SELECT b.node_id, b.location_id, l.lot_number, l.expires_on, b.status, b.on_hand
                                FROM stock_balances b
                                LEFT JOIN lots l ON l.id = b.lot_key
                                WHERE b.merchant_id = :merchant AND b.variant_id = :variant AND b.on_hand > 0
                                """)
                        .bind("merchant", merchantId).bind("variant", variant.id())
                        .map(row -> new BalanceRow(row.get("node_id", UUID.class), row.get("location_id", UUID.class),
                                row.get("lot_number", String.class), row.get("expires_on", LocalDate.class), row.get("status", String.class),
                                row.get("on_hand", Integer.class)))
                        .all().collectList()
                        .flatMap(rows -> names(List.of(), rows.stream().map(BalanceRow::nodeId).toList(), rows.stream().map(BalanceRow::locationId).toList())
                                .map(names -> rows.stream()
                                        .map(row -> new Balance(names.nodes().get(row.nodeId()), names.locations().get(row.locationId()), variant.sku(),
                                                row.lotNumber(), row.expiresOn(), row.status(), row.onHand()))
                                        .sorted(BALANCE_ORDER)
                                        .toList())))
                .defaultIfEmpty(List.of());
    }

    /** By node, location, lot (none first) and status; codes in byte order, as they are upper-case ASCII. */
    private static final Comparator<Balance> BALANCE_ORDER = Comparator.comparing(Balance::nodeCode)
            .thenComparing(Balance::locationCode)
            .thenComparing(Balance::lotNumber, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Balance::status);

    /** SKUs, node codes and location codes of the rows, from their owners, one query each. */
    private Mono<Names> names(Collection<UUID> variantIds, Collection<UUID> nodeIds, Collection<UUID> locationIds) {
        Mono<Map<UUID, String>> skus = variantIds.isEmpty() ? Mono.just(Map.of())
                : variants.byIds(Set.copyOf(variantIds)).collectMap(VariantRef::id, VariantRef::sku);
        Mono<Map<UUID, String>> nodes = nodeIds.isEmpty() ? Mono.just(Map.of())
                : network.nodes(Set.copyOf(nodeIds)).collectMap(Node::id, Node::code);
        Mono<Map<UUID, String>> locations = network.locationsByIds(Set.copyOf(locationIds)).collectMap(LocationRef::id, LocationRef::code);
        return skus.flatMap(s -> nodes.flatMap(n -> locations.map(l -> new Names(s, n, l))));
    }

    private record Names(Map<UUID, String> skus, Map<UUID, String> nodes, Map<UUID, String> locations) {
    }

    private record MovementRow(long id, String kind, UUID variantId, UUID nodeId, String lotNumber, int quantity,
                               UUID fromLocationId, String fromStatus, UUID toLocationId, String toStatus, String reason,
                               String referenceType, String referenceId, String actor, String deviceId, OffsetDateTime createdAt) {
        LedgerEntry entry(Names names) {
            return new LedgerEntry(id, kind, names.skus().get(variantId), names.nodes().get(nodeId), lotNumber, quantity,
                    fromLocationId == null ? null : names.locations().get(fromLocationId), fromStatus,
                    toLocationId == null ? null : names.locations().get(toLocationId), toStatus,
                    reason, referenceType, referenceId, actor, deviceId, createdAt);
        }
    }

    private record BalanceRow(UUID nodeId, UUID locationId, String lotNumber, LocalDate expiresOn, String status, int onHand) {
    }

    /**
     * Replays the whole ledger and compares it with every derived balance: per location, per node's
     * sellable level and per variant's total (asked of {@link AvailableTotals}). Meant for audits and benchmarks, not for request paths.
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
                        )
                        SELECT * FROM by_location WHERE ledger <> balance
                        UNION ALL SELECT * FROM by_node WHERE ledger <> balance
                        """)
                .map(row -> new Discrepancy(row.get("what", String.class), row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class),
                        row.get("key", String.class), row.get("ledger", Number.class).longValue(), row.get("balance", Number.class).longValue()))
                .all()
                .concatWith(totals.drift())
                .collectList();
    }
}
