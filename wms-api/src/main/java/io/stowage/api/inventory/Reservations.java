package io.stowage.api.inventory;

import io.stowage.api.Published;
import io.stowage.api.commands.RetryableConflict;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Promises sellable units to orders and gives them back. A reservation raises
 * {@code stock_levels.reserved} of one variant at one node and lowers the variant's available total
 * ({@code variant_totals}) by the same amount, in the caller's transaction, and tells stores the new availability with a
 * {@code stock.level_changed} event per variant.
 * <p>
 * Safety under concurrency, on any number of service instances, two ways:
 * <ul>
 * <li>locked: callers first {@link #lock} the level rows they will decide on ({@code SELECT ... FOR
 *     UPDATE}, always in variant then node order, so that two commands never wait on each other in
 *     a circle), read availability while holding them, and only then reserve;</li>
 * <li>optimistic: callers {@link #read} the levels without locking them, decide, and
 *     {@link #reserveAsDecided} as their last write, which locks the rows (in the same order) only
 *     then and fails with a {@link RetryableConflict} when a level no longer has the units.</li>
 * </ul>
 * The reserve itself is always a conditional update ({@code on_hand - reserved >= quantity}) and the
 * table's CHECK forbids reserving more than is on hand, so no caller can promise a unit twice.
 */
@Service
@Published
public class Reservations {

    /** Units of one variant at one node. */
    public record Hold(UUID variantId, UUID nodeId, int quantity) {
        public Hold {
            if (quantity <= 0) {
                throw new IllegalArgumentException("A reservation holds at least one unit");
            }
        }
    }

    /** A node's sellable level as it stands under the caller's lock. */
    public record Level(UUID variantId, UUID nodeId, int onHand, int reserved) {
        public int available() {
            return onHand - reserved;
        }
    }

    private final DatabaseClient db;
    private final AvailableTotals totals;

    public Reservations(DatabaseClient db, AvailableTotals totals) {
        this.db = db;
        this.totals = totals;
    }

    /**
     * Locks the levels of these variants at these nodes until the transaction ends and returns
     * them; a variant never stocked at a node has no row and nothing to lock there.
     */
    public Flux<Level> lock(UUID merchantId, Collection<UUID> variantIds, Collection<UUID> nodeIds) {
        return levels(merchantId, variantIds, nodeIds, "FOR UPDATE");
    }

    /**
     * The levels of these variants at these nodes as last committed, without locking them: what a
     * caller decides on before it {@link #reserveAsDecided}.
     */
    public Flux<Level> read(UUID merchantId, Collection<UUID> variantIds, Collection<UUID> nodeIds) {
        return levels(merchantId, variantIds, nodeIds, "");
    }

    /** Locks the variant's levels at every node until the transaction ends, in the order {@link #lock} takes them. */
    public Mono<Void> lockEverywhere(UUID merchantId, UUID variantId) {
        return db.sql("SELECT 1 FROM stock_levels WHERE merchant_id = :merchant AND variant_id = :variant ORDER BY variant_id, node_id FOR UPDATE")
                .bind("merchant", merchantId).bind("variant", variantId)
                .fetch().all().then();
    }

    /** A level's reserved units, for checking them against what holds them. */
    public record ReservedLevel(UUID merchantId, UUID variantId, UUID nodeId, int reserved) {
    }

    /** Every level with units reserved, of every merchant, as last committed: for the books' reconciliation. */
    public Flux<ReservedLevel> reservedLevels() {
        return db.sql("SELECT merchant_id, variant_id, node_id, reserved FROM stock_levels WHERE reserved <> 0")
                .map(row -> new ReservedLevel(row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class), row.get("node_id", UUID.class),
                        row.get("reserved", Integer.class)))
                .all();
    }

    /** Those of these variants that have unreserved units at some node, as last committed. */
    public Flux<UUID> withUnreservedUnits(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT DISTINCT variant_id FROM stock_levels WHERE variant_id = ANY(:variants) AND on_hand > reserved")
                .bind("variants", variantIds.toArray(UUID[]::new))
                .map(row -> row.get("variant_id", UUID.class))
                .all();
    }

    private Flux<Level> levels(UUID merchantId, Collection<UUID> variantIds, Collection<UUID> nodeIds, String locking) {
        if (variantIds.isEmpty() || nodeIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        SELECT variant_id, node_id, on_hand, reserved FROM stock_levels
                        WHERE merchant_id = :merchant AND variant_id = ANY(:variants) AND node_id = ANY(:nodes)
                        ORDER BY variant_id, node_id
                        """ + locking)
                .bind("merchant", merchantId)
                .bind("variants", variantIds.toArray(UUID[]::new))
                .bind("nodes", nodeIds.toArray(UUID[]::new))
                .map(row -> new Level(row.get("variant_id", UUID.class), row.get("node_id", UUID.class),
                        row.get("on_hand", Integer.class), row.get("reserved", Integer.class)))
                .all();
    }

    /** Reserves every hold or, if any node no longer has the units, fails with a 409 problem (the transaction then rolls back). */
    public Mono<Void> reserve(UUID merchantId, List<Hold> holds) {
        return reserve(merchantId, holds,
                () -> ApiProblem.of(ProblemType.INSUFFICIENT_STOCK, "A node no longer has the unreserved units of a variant this needs"));
    }

    /**
     * Reserves every hold for a caller that decided on levels it {@link #read} without locking
     * them: the level locks are taken here, so the caller runs this as its command's last write
     * ({@code Commands.beforeCommit}) and holds them until its commit only. When a level no longer
     * has the units the caller decided on, fails with a {@link RetryableConflict}: the transaction
     * rolls back and the command runs again.
     */
    public Mono<Void> reserveAsDecided(UUID merchantId, List<Hold> holds) {
        return reserve(merchantId, holds, () -> new RetryableConflict("A level no longer has the units decided on: " + holds));
    }

    /** One statement reserves at every level and lowers the variants' totals, one appends the events. */
    private Mono<Void> reserve(UUID merchantId, List<Hold> holds, Supplier<RuntimeException> shortfall) {
        if (holds.isEmpty()) {
            return Mono.empty();
        }
        List<Hold> ordered = perLevel(holds);
        Map<UUID, Integer> deltas = new TreeMap<>();
        ordered.forEach(hold -> deltas.merge(hold.variantId(), -hold.quantity(), Integer::sum));
        return totals.reserve(merchantId, ordered)
                .flatMap(reserved -> {
                    if (reserved.levels() != ordered.size()) {
                        return Mono.error(shortfall.get());
                    }
                    if (reserved.totals().size() != deltas.size()) {
                        return Mono.error(new IllegalStateException("Reserved units of a variant that has no available total: " + deltas.keySet()));
                    }
                    return totals.announceReserved(merchantId, reserved.totals(), deltas);
                });
    }

    /** One hold per level, in variant then node order: an UPDATE ... FROM changes a row once however many entries name it. */
    private static List<Hold> perLevel(List<Hold> holds) {
        Map<List<UUID>, Integer> perLevel = new HashMap<>();
        holds.forEach(hold -> perLevel.merge(List.of(hold.variantId(), hold.nodeId()), hold.quantity(), Integer::sum));
        return perLevel.entrySet().stream()
                .map(e -> new Hold(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparing(Hold::variantId).thenComparing(Hold::nodeId))
                .toList();
    }

    /**
     * Gives the units of every hold back to sale: one statement changes every level (the caller
     * holds their locks), one the variants' totals.
     */
    public Mono<Void> release(UUID merchantId, List<Hold> holds) {
        if (holds.isEmpty()) {
            return Mono.empty();
        }
        List<Hold> ordered = perLevel(holds);
        Map<UUID, Integer> perVariant = new TreeMap<>();
        ordered.forEach(hold -> perVariant.merge(hold.variantId(), hold.quantity(), Integer::sum));
        return db.sql("""
                        UPDATE stock_levels s SET reserved = s.reserved - h.quantity
                        FROM unnest(CAST(:variants AS uuid[]), CAST(:nodes AS uuid[]), CAST(:quantities AS integer[])) AS h(variant_id, node_id, quantity)
                        WHERE s.merchant_id = :merchant AND s.variant_id = h.variant_id AND s.node_id = h.node_id
                          AND s.reserved >= h.quantity
                        """)
                .bind("merchant", merchantId)
                .bind("variants", ordered.stream().map(Hold::variantId).toArray(UUID[]::new))
                .bind("nodes", ordered.stream().map(Hold::nodeId).toArray(UUID[]::new))
                .bind("quantities", ordered.stream().map(Hold::quantity).toArray(Integer[]::new))
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == ordered.size() ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("Releasing " + ordered + " of which some is not reserved")))
                .then(totals.adjustAll(merchantId, perVariant, "released"));
    }
}
