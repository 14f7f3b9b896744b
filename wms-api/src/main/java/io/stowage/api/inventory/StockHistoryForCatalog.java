package io.stowage.api.inventory;

import io.stowage.api.catalog.StockHistory;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The catalog's question before it deletes a variant: did any of its stock ever move? */
@Component
class StockHistoryForCatalog implements StockHistory {

    private final DatabaseClient db;

    StockHistoryForCatalog(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> hasMoved(UUID merchantId, UUID variantId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM stock_movements WHERE merchant_id = :merchant AND variant_id = :variant) AS moved")
                .bind("merchant", merchantId).bind("variant", variantId)
                .map(row -> Boolean.TRUE.equals(row.get("moved", Boolean.class))).one();
    }
}
