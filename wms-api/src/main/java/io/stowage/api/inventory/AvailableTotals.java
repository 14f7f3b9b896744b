package io.stowage.api.inventory;

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

    public AvailableTotals(DatabaseClient db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
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

    /** Out of stock to in stock: the event the back-in-stock subscribers wait for, in this transaction. */
    private Mono<Void> backInStock(UUID merchantId, Total total) {
        return db.sql("SELECT count(*) AS waiting FROM back_in_stock_subscriptions WHERE variant_id = :variant AND notified_at IS NULL")
                .bind("variant", total.variantId())
                .map(row -> row.get("waiting", Long.class))
                .one()
                .flatMap(waiting -> outbox.append(merchantId, EventTypes.VARIANT_BACK_IN_STOCK, total.sku(),
                        Map.of("sku", total.sku(), "variant_id", total.variantId(), "available", total.available(),
                                "waiting_subscribers", waiting)));
    }
}
