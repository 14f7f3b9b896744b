package io.stowage.api.inventory;

import io.stowage.api.availability.BackInStock;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.webhooks.EventTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps {@code variants.available_total} (the sum over nodes of on hand minus reserved) in step,
 * for the ledger when sellable units arrive or leave and for reservations when units are promised
 * or released. The out-of-stock to in-stock transition is seen here, in the row update, so it is
 * announced exactly once however many requests race.
 */
@Component
public class AvailableTotals {

    /** The variant's total after a change, with its SKU for events. */
    public record Total(UUID variantId, String sku, int available) {
    }

    private final DatabaseClient db;
    private final Outbox outbox;
    private final BackInStock backInStock;

    public AvailableTotals(DatabaseClient db, Outbox outbox, BackInStock backInStock) {
        this.db = db;
        this.outbox = outbox;
        this.backInStock = backInStock;
    }

    /**
     * Variants whose total is not the sum of their levels' on hand less reserved: the audit's
     * {@code variant_total} disagreements ({@link StockQueries#reconcile}). Asked here, with the other
     * SQL on the catalog's table, until the totals move to a table of inventory's own.
     */
    Flux<StockQueries.Discrepancy> drift() {
        return db.sql("""
                        SELECT merchant_id, variant_id, key, ledger, balance FROM (
                            SELECT v.merchant_id, v.id AS variant_id, v.sku AS key,
                                   coalesce((SELECT sum(on_hand - reserved) FROM stock_levels lv WHERE lv.variant_id = v.id), 0) AS ledger,
                                   v.available_total AS balance
                            FROM variants v
                        ) totals WHERE ledger <> balance
                        """)
                .map(row -> new StockQueries.Discrepancy("variant_total", row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class),
                        row.get("key", String.class), row.get("ledger", Number.class).longValue(), row.get("balance", Number.class).longValue()))
                .all();
    }

    /**
     * Adds {@code delta} to the variant's total and tells the merchant with a {@code stock.level_changed}
     * event; must run inside the transaction of the change.
     *
     * @param reason why availability changed: a movement kind, {@code reserved} or {@code released}
     */
    public Mono<Total> adjust(UUID merchantId, UUID variantId, int delta, String reason) {
        return db.sql("UPDATE variants SET available_total = available_total + :delta WHERE id = :variant RETURNING available_total, sku")
                .bind("delta", delta).bind("variant", variantId)
                .map(row -> new Total(variantId, row.get("sku", String.class), row.get("available_total", Integer.class)))
                .one()
                .flatMap(after -> outbox.append(merchantId, EventTypes.STOCK_LEVEL_CHANGED, after.sku(),
                                Map.of("sku", after.sku(), "variant_id", variantId, "available", after.available(), "change", delta,
                                        "reason", reason))
                        .then(after.available() > 0 && after.available() - delta <= 0 ? backInStock(merchantId, after) : Mono.empty())
                        .thenReturn(after));
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
        UUID[] ids = deltas.keySet().toArray(UUID[]::new);
        Integer[] changes = deltas.values().toArray(Integer[]::new);
        return db.sql("""
                        UPDATE variants v SET available_total = v.available_total + d.delta
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:deltas AS integer[])) AS d(id, delta)
                        WHERE v.id = d.id
                        RETURNING v.id, v.sku, v.available_total, d.delta
                        """)
                .bind("ids", ids).bind("deltas", changes)
                .map(row -> new Change(new Total(row.get("id", UUID.class), row.get("sku", String.class), row.get("available_total", Integer.class)),
                        row.get("delta", Integer.class)))
                .all().collectList()
                .flatMap(changed -> {
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
     * order, then the variants' rows in id order, so that it never waits in a circle with another
     * reservation or with a caller of {@link Reservations#lock}. The variants' rows are locked
     * {@code FOR NO KEY UPDATE}, as an UPDATE locks them: a {@code FOR UPDATE} would also wait for
     * every open transaction that inserted a row referencing the variant (an order line), which may
     * itself wait for a level this holds. A level reserves only when it has
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
                            SELECT v.id FROM variants v WHERE v.id IN (SELECT variant_id FROM per_variant) ORDER BY v.id FOR NO KEY UPDATE
                        ), totals AS (
                            UPDATE variants v SET available_total = v.available_total - p.quantity
                            FROM per_variant p, totals_locked t
                            WHERE v.id = p.variant_id AND t.id = v.id
                            RETURNING v.id, v.sku, v.available_total
                        )
                        SELECT (SELECT count(*) FROM reserved) AS levels, t.id, t.sku, t.available_total FROM totals t
                        """)
                .bind("merchant", merchantId)
                .bind("variants", holds.stream().map(Reservations.Hold::variantId).toArray(UUID[]::new))
                .bind("nodes", holds.stream().map(Reservations.Hold::nodeId).toArray(UUID[]::new))
                .bind("quantities", holds.stream().map(Reservations.Hold::quantity).toArray(Integer[]::new))
                .map(row -> Map.entry(row.get("levels", Long.class).intValue(),
                        new Total(row.get("id", UUID.class), row.get("sku", String.class), row.get("available_total", Integer.class))))
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
