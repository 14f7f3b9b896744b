package io.stowage.api.inventory;

import io.r2dbc.spi.Readable;
import io.stowage.api.availability.BackInStock;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.webhooks.EventTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps each variant's available total (the sum over nodes of on hand minus reserved, inventory's
 * {@code variant_totals}) in step, for the ledger when sellable units arrive or leave and for
 * reservations when units are promised or released. The out-of-stock to in-stock transition is seen
 * here, in the row update, so it is announced exactly once however many requests race.
 * <p>
 * A variant's row is made the first time its stock moves (the catalog makes variants and knows
 * nothing of inventory): an update that finds no row asks the catalog for the SKU and inserts it.
 * Units can only be reserved once they arrived, so a reservation always finds its variants' rows.
 */
@Component
public class AvailableTotals {

    /** The variant's total after a change, with its SKU for events. */
    public record Total(UUID variantId, String sku, int available) {
    }

    private final DatabaseClient db;
    private final Outbox outbox;
    private final BackInStock backInStock;
    private final Variants variants;

    public AvailableTotals(DatabaseClient db, Outbox outbox, BackInStock backInStock, Variants variants) {
        this.db = db;
        this.outbox = outbox;
        this.backInStock = backInStock;
        this.variants = variants;
    }

    /**
     * Variants whose total is not the sum of their levels' on hand less reserved: the audit's
     * {@code variant_total} disagreements ({@link StockQueries#reconcile}). A level without a total
     * row is one (keyed by the variant's id, the SKU being unknown here).
     */
    Flux<StockQueries.Discrepancy> drift() {
        return db.sql("""
                        WITH levels AS (
                            SELECT merchant_id, variant_id, sum(on_hand - reserved) AS units FROM stock_levels GROUP BY merchant_id, variant_id
                        )
                        SELECT coalesce(t.merchant_id, l.merchant_id) AS merchant_id, coalesce(t.variant_id, l.variant_id) AS variant_id,
                               coalesce(t.sku, CAST(l.variant_id AS text)) AS key,
                               coalesce(l.units, 0) AS ledger, coalesce(t.available, 0) AS balance
                        FROM levels l FULL JOIN variant_totals t ON t.variant_id = l.variant_id
                        WHERE coalesce(l.units, 0) <> coalesce(t.available, 0)
                        """)
                .map(row -> new StockQueries.Discrepancy("variant_total", row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class),
                        row.get("key", String.class), row.get("ledger", Number.class).longValue(), row.get("balance", Number.class).longValue()))
                .all();
    }

    /** The merchant's totals of these variants; a variant whose stock never moved has none (0 units). */
    Flux<Total> of(UUID merchantId, Collection<UUID> variantIds) {
        return db.sql("SELECT variant_id, sku, available FROM variant_totals WHERE merchant_id = :merchant AND variant_id = ANY(:ids)")
                .bind("merchant", merchantId).bind("ids", variantIds.toArray(UUID[]::new))
                .map(row -> new Total(row.get("variant_id", UUID.class), row.get("sku", String.class), row.get("available", Integer.class)))
                .all();
    }

    /**
     * Adds {@code delta} to the variant's total and tells the merchant with a {@code stock.level_changed}
     * event; must run inside the transaction of the change.
     *
     * @param reason why availability changed: a movement kind, {@code reserved} or {@code released}
     */
    public Mono<Total> adjust(UUID merchantId, UUID variantId, int delta, String reason) {
        return change(merchantId, Map.of(variantId, delta))
                .flatMap(changed -> changed.isEmpty()
                        ? Mono.error(new IllegalStateException("No variant " + variantId + " of merchant " + merchantId + " to count units of"))
                        : Mono.just(changed.get(0).after()))
                .flatMap(after -> outbox.append(merchantId, EventTypes.STOCK_LEVEL_CHANGED, after.sku(),
                                Map.of("sku", after.sku(), "variant_id", variantId, "available", after.available(), "change", delta,
                                        "reason", reason))
                        .then(after.available() > 0 && after.available() - delta <= 0 ? backInStock(merchantId, after) : Mono.empty())
                        .thenReturn(after));
    }

    /**
     * Adds the deltas to the variants' totals, in one statement while their rows exist; a variant
     * without a row yet gets it in a second, with its SKU from the catalog (once in its life).
     */
    private Mono<List<Change>> change(UUID merchantId, Map<UUID, Integer> deltas) {
        UUID[] ids = deltas.keySet().toArray(UUID[]::new);
        Integer[] changes = deltas.values().toArray(Integer[]::new);
        return db.sql("""
                        UPDATE variant_totals t SET available = t.available + d.delta
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:deltas AS integer[])) AS d(id, delta)
                        WHERE t.variant_id = d.id AND t.merchant_id = :merchant
                        RETURNING t.variant_id, t.sku, t.available, d.delta
                        """)
                .bind("ids", ids).bind("deltas", changes).bind("merchant", merchantId)
                .map(AvailableTotals::change)
                .all().collectList()
                .flatMap(updated -> {
                    if (updated.size() == deltas.size()) {
                        return Mono.just(updated);
                    }
                    Set<UUID> missing = new HashSet<>(deltas.keySet());
                    updated.forEach(done -> missing.remove(done.after().variantId()));
                    return firstTotals(merchantId, missing, deltas).map(made -> {
                        List<Change> all = new ArrayList<>(updated);
                        all.addAll(made);
                        return all;
                    });
                });
    }

    /**
     * Makes the rows of variants whose stock moves for the first time. Two first moves may race: the
     * insert then adds to the row the other made, as the update would have.
     */
    private Mono<List<Change>> firstTotals(UUID merchantId, Set<UUID> variantIds, Map<UUID, Integer> deltas) {
        return variants.byIds(variantIds).filter(variant -> variant.merchantId().equals(merchantId)).collectList()
                .flatMap(found -> found.isEmpty() ? Mono.just(List.<Change>of()) : db.sql("""
                                INSERT INTO variant_totals AS t (variant_id, merchant_id, sku, available)
                                SELECT d.id, :merchant, d.sku, d.delta
                                FROM unnest(CAST(:ids AS uuid[]), CAST(:skus AS text[]), CAST(:deltas AS integer[])) AS d(id, sku, delta)
                                ORDER BY d.id
                                ON CONFLICT (variant_id) DO UPDATE SET available = t.available + EXCLUDED.available
                                RETURNING t.variant_id, t.sku, t.available
                                """)
                        .bind("merchant", merchantId)
                        .bind("ids", found.stream().map(VariantRef::id).toArray(UUID[]::new))
                        .bind("skus", found.stream().map(VariantRef::sku).toArray(String[]::new))
                        .bind("deltas", found.stream().map(variant -> deltas.get(variant.id())).toArray(Integer[]::new))
                        .map(row -> new Change(new Total(row.get("variant_id", UUID.class), row.get("sku", String.class),
                                row.get("available", Integer.class)), deltas.get(row.get("variant_id", UUID.class))))
                        .all().collectList());
    }

    private static Change change(Readable row) {
        return new Change(new Total(row.get("variant_id", UUID.class), row.get("sku", String.class), row.get("available", Integer.class)),
                row.get("delta", Integer.class));
    }

    /**
     * {@link #adjust} for several variants at once: one update and one append of the events, in
     * variant order; the back-in-stock check for the variants that came back.
     */
    public Mono<Void> adjustAll(UUID merchantId, Map<UUID, Integer> deltas, String reason) {
        if (deltas.isEmpty()) {
            return Mono.empty();
        }
        if (deltas.size() == 1) {
            Map.Entry<UUID, Integer> only = deltas.entrySet().iterator().next();
            return adjust(merchantId, only.getKey(), only.getValue(), reason).then();
        }
        return change(merchantId, deltas)
                .flatMap(changed -> {
                    if (changed.size() != deltas.size()) {
                        return Mono.error(new IllegalStateException("Not every variant of " + deltas.keySet() + " is merchant " + merchantId + "'s"));
                    }
                    List<Change> ordered = new ArrayList<>(changed);
                    ordered.sort((a, b) -> a.after().variantId().compareTo(b.after().variantId()));
                    List<Outbox.Event> events = ordered.stream()
                            .map(change -> new Outbox.Event(EventTypes.STOCK_LEVEL_CHANGED, change.after().sku(),
                                    Map.of("sku", change.after().sku(), "variant_id", change.after().variantId(), "available", change.after().available(),
                                            "change", change.delta(), "reason", reason)))
                            .toList();
                    return outbox.appendAll(merchantId, events)
                            .thenMany(Flux.fromIterable(ordered))
                            .concatMap(change -> change.after().available() > 0 && change.after().available() - change.delta() <= 0
                                    ? backInStock(merchantId, change.after()) : Mono.empty())
                            .then();
                });
    }

    private record Change(Total after, int delta) {
    }

    /** What {@link #reserve} did: how many levels it reserved at, and the variants' totals after. */
    record Reserved(int levels, List<Total> totals) {
    }

    /**
     * Reserves units at levels and lowers their variants' totals by as much, in one statement
     * (one round trip while the rows are locked): the level rows are locked in variant then node
     * order, then the totals' rows in variant order, so that it never waits in a circle with another
     * reservation or with a caller of {@link Reservations#lock}. The totals' rows are locked
     * {@code FOR NO KEY UPDATE}, the lock their update takes anyway. A level reserves only when it has
     * the unreserved units; when one does not, the others may have reserved, so the caller must fail
     * its transaction. The {@code stock.level_changed} events follow with {@link #announceReserved}.
     *
     * @param holds one per level, in variant then node order
     */
    Mono<Reserved> reserve(UUID merchantId, List<Reservations.Hold> holds) {
        return db.sql("""
                        WITH wanted AS (
                            SELECT h.variant_id, h.node_id, h.quantity
                            FROM unnest(CAST(:variants AS uuid[]), CAST(:nodes AS uuid[]), CAST(:quantities AS integer[]))
                                 AS h(variant_id, node_id, quantity)
                        ), locked AS (
                            SELECT s.variant_id, s.node_id FROM stock_levels s
                            JOIN wanted w ON w.variant_id = s.variant_id AND w.node_id = s.node_id
                            WHERE s.merchant_id = :merchant
                            ORDER BY s.variant_id, s.node_id
                            FOR UPDATE OF s
                        ), reserved AS (
                            UPDATE stock_levels s SET reserved = s.reserved + w.quantity
                            FROM wanted w, locked l
                            WHERE s.merchant_id = :merchant AND s.variant_id = w.variant_id AND s.node_id = w.node_id
                              AND l.variant_id = s.variant_id AND l.node_id = s.node_id
                              AND s.on_hand - s.reserved >= w.quantity
                            RETURNING s.variant_id, w.quantity
                        ), per_variant AS (
                            SELECT variant_id, sum(quantity) AS quantity FROM reserved GROUP BY variant_id
                        ), totals_locked AS (
                            SELECT t.variant_id FROM variant_totals t
                            WHERE t.merchant_id = :merchant AND t.variant_id IN (SELECT variant_id FROM per_variant)
                            ORDER BY t.variant_id FOR NO KEY UPDATE
                        ), totals AS (
                            UPDATE variant_totals t SET available = t.available - p.quantity
                            FROM per_variant p, totals_locked l
                            WHERE t.variant_id = p.variant_id AND l.variant_id = t.variant_id
                            RETURNING t.variant_id, t.sku, t.available
                        )
                        SELECT (SELECT count(*) FROM reserved) AS levels, t.variant_id, t.sku, t.available FROM totals t
                        """)
                .bind("merchant", merchantId)
                .bind("variants", holds.stream().map(Reservations.Hold::variantId).toArray(UUID[]::new))
                .bind("nodes", holds.stream().map(Reservations.Hold::nodeId).toArray(UUID[]::new))
                .bind("quantities", holds.stream().map(Reservations.Hold::quantity).toArray(Integer[]::new))
                .map(row -> Map.entry(row.get("levels", Long.class).intValue(),
                        new Total(row.get("variant_id", UUID.class), row.get("sku", String.class), row.get("available", Integer.class))))
                .all().collectList()
                .map(rows -> new Reserved(rows.isEmpty() ? 0 : rows.get(0).getKey(), rows.stream().map(Map.Entry::getValue).toList()));
    }

    /** The {@code stock.level_changed} events of a {@link #reserve}, in variant order, in one statement. */
    Mono<Void> announceReserved(UUID merchantId, List<Total> totals, Map<UUID, Integer> deltas) {
        List<Outbox.Event> events = totals.stream()
                .sorted((a, b) -> a.variantId().compareTo(b.variantId()))
                .map(total -> new Outbox.Event(EventTypes.STOCK_LEVEL_CHANGED, total.sku(),
                        Map.of("sku", total.sku(), "variant_id", total.variantId(), "available", total.available(),
                                "change", deltas.get(total.variantId()), "reason", "reserved")))
                .toList();
        return outbox.appendAll(merchantId, events);
    }

    /** Out of stock to in stock: the event the back-in-stock subscribers wait for, in this transaction. */
    private Mono<Void> backInStock(UUID merchantId, Total total) {
        return backInStock.waitingFor(total.variantId())
                .flatMap(waiting -> outbox.append(merchantId, EventTypes.VARIANT_BACK_IN_STOCK, total.sku(),
                        Map.of("sku", total.sku(), "variant_id", total.variantId(), "available", total.available(),
                                "waiting_subscribers", waiting)));
    }
}
