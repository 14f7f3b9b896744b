package io.stowage.api.inventory;

import io.stowage.api.availability.SellableLevels;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Availability's questions: the sellable levels of a merchant's variants, at every node, and their totals. */
@Component
class SellableLevelsForAvailability implements SellableLevels {

    private final DatabaseClient db;
    private final AvailableTotals totals;

    SellableLevelsForAvailability(DatabaseClient db, AvailableTotals totals) {
        this.db = db;
        this.totals = totals;
    }

    @Override
    public Flux<Level> of(UUID merchantId, Collection<UUID> variantIds) {
        return db.sql("SELECT variant_id, node_id, on_hand, reserved FROM stock_levels WHERE merchant_id = :merchant AND variant_id = ANY(:ids)")
                .bind("merchant", merchantId).bind("ids", variantIds.toArray(UUID[]::new))
                .map(row -> new Level(row.get("variant_id", UUID.class), row.get("node_id", UUID.class), row.get("on_hand", Integer.class),
                        row.get("reserved", Integer.class)))
                .all();
    }

    @Override
    public Flux<Total> totals(UUID merchantId, Collection<UUID> variantIds) {
        return totals.of(merchantId, variantIds).map(total -> new Total(total.variantId(), total.available()));
    }
}
