package io.stowage.api.inventory;

import io.stowage.api.Published;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * What a node holds of each lot of lot-tracked variants, in sellable status at any of its locations
 * (the pack station included): the figure lot allocation and its checks decide on. Read as last
 * committed; a caller that must not see it change locks the variant's levels first
 * ({@link Reservations#lock}), as every change of a lot's units holds them.
 */
@Service
@Published
public class LotStock {

    /** Units of one lot of a variant at a node, with the lot's number and expiry. */
    public record LotOnHand(UUID nodeId, UUID variantId, UUID lotKey, String lotNumber, LocalDate expiresOn, int onHand) {
    }

    private final DatabaseClient db;

    public LotStock(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The lots of these variants the merchant has balances of at these nodes (units held without a
     * lot, if any, under {@link StockLedger#NO_LOT} with no number).
     */
    public Flux<LotOnHand> available(UUID merchantId, Collection<UUID> variantIds, Collection<UUID> nodeIds) {
        if (variantIds.isEmpty() || nodeIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        SELECT b.node_id, b.variant_id, b.lot_key, l.lot_number, l.expires_on, sum(b.on_hand) AS on_hand
                        FROM stock_balances b LEFT JOIN lots l ON l.id = b.lot_key
                        WHERE b.merchant_id = :merchant AND b.variant_id = ANY(:variants) AND b.node_id = ANY(:nodes)
                          AND b.status = 'available'
                        GROUP BY b.node_id, b.variant_id, b.lot_key, l.lot_number, l.expires_on
                        """)
                .bind("merchant", merchantId)
                .bind("variants", variantIds.toArray(UUID[]::new))
                .bind("nodes", nodeIds.toArray(UUID[]::new))
                .map(row -> new LotOnHand(row.get("node_id", UUID.class), row.get("variant_id", UUID.class), row.get("lot_key", UUID.class),
                        row.get("lot_number", String.class), row.get("expires_on", LocalDate.class), row.get("on_hand", Number.class).intValue()))
                .all();
    }
}
