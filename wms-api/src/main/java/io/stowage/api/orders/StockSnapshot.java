package io.stowage.api.orders;

import io.stowage.api.inventory.LotStock;
import io.stowage.api.inventory.Reservations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stock an allocation decides on, read under the level locks of {@link Reservations#lock}, or
 * for untracked variants only, without locks ({@link Reservations#read}) by a caller that then
 * reserves with {@link Reservations#reserveAsDecided}.
 * <p>
 * Untracked variants: the node's sellable level minus what is reserved. Lot-tracked variants:
 * per lot, the available units in the node's balances minus the lot's open allocations, filtered
 * and ordered by {@link FefoLots}; the node can ship the smaller of that and its level. Every
 * allocation of a variant at a node happens while holding that level row, so the lot figures
 * cannot change under the decision either.
 */
@Component
class StockSnapshot {

    /** Stock of the order's variants at its candidate nodes. */
    record Snapshot(Map<UUID, Map<UUID, Integer>> levels, Map<UUID, Map<UUID, List<FefoLots.LotStock>>> lots)
            implements RoutingPolicy.Stock {

        @Override
        public int available(UUID nodeId, UUID variantId) {
            int level = levels.getOrDefault(nodeId, Map.of()).getOrDefault(variantId, 0);
            List<FefoLots.LotStock> eligible = lots(nodeId, variantId);
            return eligible == null ? level : Math.min(level, FefoLots.total(eligible));
        }

        /** Eligible lots in FEFO order, or null for a variant that is not tracked by lot. */
        List<FefoLots.LotStock> lots(UUID nodeId, UUID variantId) {
            Map<UUID, List<FefoLots.LotStock>> perNode = lots.get(variantId);
            return perNode == null ? null : perNode.getOrDefault(nodeId, List.of());
        }
    }

    private final DatabaseClient db;
    private final Reservations reservations;
    private final LotStock lotStock;

    StockSnapshot(DatabaseClient db, Reservations reservations, LotStock lotStock) {
        this.db = db;
        this.reservations = reservations;
        this.lotStock = lotStock;
    }

    /** Locks the levels and reads them; {@code lotTracked} are the variants allocated by lot. */
    Mono<Snapshot> lockAndRead(UUID merchantId, Collection<UUID> variantIds, Set<UUID> lotTracked, Collection<UUID> nodeIds,
                               int minRemainingDays) {
        return snapshot(reservations.lock(merchantId, variantIds, nodeIds), merchantId, lotTracked, nodeIds, minRemainingDays);
    }

    /**
     * Reads the levels of untracked variants as last committed, without locking them. Lot figures
     * are not guarded by the conditional reservation, so lot-tracked variants are only read locked.
     */
    Mono<Snapshot> readUnlocked(UUID merchantId, Collection<UUID> variantIds, Collection<UUID> nodeIds) {
        return snapshot(reservations.read(merchantId, variantIds, nodeIds), merchantId, Set.of(), nodeIds, 0);
    }

    private Mono<Snapshot> snapshot(Flux<Reservations.Level> read, UUID merchantId, Set<UUID> lotTracked, Collection<UUID> nodeIds,
                                    int minRemainingDays) {
        return read
                .collect(HashMap<UUID, Map<UUID, Integer>>::new,
                        (map, level) -> map.computeIfAbsent(level.nodeId(), id -> new HashMap<>()).put(level.variantId(), level.available()))
                .flatMap(levels -> lotTracked.isEmpty() || nodeIds.isEmpty()
                        ? Mono.just(new Snapshot(levels, Map.of()))
                        : lots(merchantId, lotTracked, nodeIds, minRemainingDays).map(lots -> new Snapshot(levels, lots)));
    }

    private Mono<Map<UUID, Map<UUID, List<FefoLots.LotStock>>>> lots(UUID merchantId, Set<UUID> variantIds, Collection<UUID> nodeIds,
                                                                   int minRemainingDays) {
        return Mono.zip(lotStock.available(merchantId, variantIds, nodeIds).collectList(), promised(variantIds, nodeIds))
                .map(found -> {
                    Map<LotAt, Integer> promised = found.getT2().promised();
                    Map<UUID, Map<UUID, List<FefoLots.LotStock>>> raw = new HashMap<>();
                    variantIds.forEach(variant -> raw.put(variant, new HashMap<>()));
                    for (LotStock.LotOnHand lot : found.getT1()) {
                        int free = lot.onHand() - promised.getOrDefault(new LotAt(lot.nodeId(), lot.variantId(), lot.lotKey()), 0);
                        raw.get(lot.variantId()).computeIfAbsent(lot.nodeId(), id -> new ArrayList<>())
                                .add(new FefoLots.LotStock(lot.lotKey(), lot.lotNumber(), lot.expiresOn(), free));
                    }
                    Map<UUID, Map<UUID, List<FefoLots.LotStock>>> eligible = new HashMap<>();
                    raw.forEach((variant, perNode) -> {
                        Map<UUID, List<FefoLots.LotStock>> byNode = new HashMap<>();
                        perNode.forEach((node, lots) -> byNode.put(node, FefoLots.eligible(lots, found.getT2().today(), minRemainingDays)));
                        eligible.put(variant, byNode);
                    });
                    return eligible;
                });
    }

    /** One lot of a variant at a node. */
    private record LotAt(UUID nodeId, UUID variantId, UUID lotKey) {
    }

    /** The units open allocations hold per lot, and the database's date (lots expire by it). */
    private record Promised(Map<LotAt, Integer> promised, LocalDate today) {
    }

    /** A row of {@link #promised}: the date, and one lot's promised units (none on the row that only carries the date). */
    private record PromisedRow(LocalDate today, LotAt lot, int quantity) {
    }

    private Mono<Promised> promised(Set<UUID> variantIds, Collection<UUID> nodeIds) {
        return db.sql("""
                        SELECT current_date AS today, p.node_id, p.variant_id, p.lot_key, p.quantity
                        FROM (SELECT 1) AS one
                        LEFT JOIN (SELECT node_id, variant_id, lot_key, sum(quantity) AS quantity FROM order_allocations
                                   WHERE variant_id = ANY(:variants) AND node_id = ANY(:nodes) AND released_at IS NULL
                                   GROUP BY node_id, variant_id, lot_key) AS p ON true
                        """)
                .bind("variants", variantIds.toArray(UUID[]::new))
                .bind("nodes", nodeIds.toArray(UUID[]::new))
                .map(row -> new PromisedRow(row.get("today", LocalDate.class),
                        row.get("node_id", UUID.class) == null ? null
                                : new LotAt(row.get("node_id", UUID.class), row.get("variant_id", UUID.class), row.get("lot_key", UUID.class)),
                        row.get("quantity", Number.class) == null ? 0 : row.get("quantity", Number.class).intValue()))
                .all().collectList()
                .map(rows -> {
                    Map<LotAt, Integer> promised = new HashMap<>();
                    rows.stream().filter(row -> row.lot() != null).forEach(row -> promised.put(row.lot(), row.quantity()));
                    return new Promised(promised, rows.get(0).today());
                });
    }
}
