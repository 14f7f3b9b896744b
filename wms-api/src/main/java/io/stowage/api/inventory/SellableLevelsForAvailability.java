package io.stowage.api.inventory;

import io.stowage.api.availability.SellableLevels;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Availability's question: the sellable levels of a merchant's variants, at every node. */
@Component
class SellableLevelsForAvailability implements SellableLevels {

    private final DatabaseClient db;

    SellableLevelsForAvailability(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<Level> of(UUID merchantId, Collection<UUID> variantIds) {
        return db.sql("SELECT variant_id, node_id, on_hand, reserved FROM stock_levels WHERE merchant_id = :merchant AND variant_id = ANY(:ids)")
                .bind("merchant", merchantId).bind("ids", variantIds.toArray(UUID[]::new))
                .map(row -> new Level(row.get("variant_id", UUID.class), row.get("node_id", UUID.class), row.get("on_hand", Integer.class),
                        row.get("reserved", Integer.class)))
                .all();
    }
}
