package io.stowage.api.inventory;

import io.stowage.api.Published;
import io.stowage.api.database.Params;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What stands on shelves now, for features that look at locations rather than stock: which ones
 * hold units (putaway looks for an empty one), what a location holds (a cycle count snapshots what
 * the books expect) and the numbers of lots (a count review shows them).
 */
@Service
@Published
public class ShelfStock {

    private final DatabaseClient db;

    public ShelfStock(DatabaseClient db) {
        this.db = db;
    }

    /** Those of the locations that hold units of any merchant, in any status. */
    public Mono<Set<UUID>> holdingStock(Collection<UUID> locationIds) {
        if (locationIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("SELECT DISTINCT location_id FROM stock_balances WHERE location_id = ANY(:locations) AND on_hand > 0")
                .bind("locations", locationIds.toArray(UUID[]::new))
                .map(row -> row.get("location_id", UUID.class))
                .all().collect(HashSet::new, Set::add);
    }

    /**
     * Those of the node's locations that hold units of the merchant, in any status: of the one
     * variant when {@code variantId} is given, of any otherwise.
     */
    public Mono<Set<UUID>> holdingMerchantStock(UUID merchantId, UUID nodeId, UUID variantId) {
        return db.sql("""
                        SELECT DISTINCT location_id FROM stock_balances
                        WHERE merchant_id = :merchant AND node_id = :node AND on_hand > 0
                          AND (CAST(:variant AS uuid) IS NULL OR variant_id = :variant)
                        """)
                .bind("merchant", merchantId).bind("node", nodeId).bind("variant", Params.nullable(variantId, UUID.class))
                .map(row -> row.get("location_id", UUID.class))
                .all().collect(HashSet::new, Set::add);
    }

    /** Units of one merchant's variant and lot (or {@link StockLedger#NO_LOT}) available on a location. */
    public record Held(UUID merchantId, UUID variantId, UUID lotKey, int onHand) {
    }

    /** What is available on the location, per merchant, variant and lot; only what is there (more than zero). */
    public Mono<List<Held>> availableAt(UUID locationId) {
        return db.sql("""
                        SELECT merchant_id, variant_id, lot_key, sum(on_hand) AS on_hand FROM stock_balances
                        WHERE location_id = :location AND status = 'available' AND on_hand > 0
                        GROUP BY merchant_id, variant_id, lot_key
                        """)
                .bind("location", locationId)
                .map(row -> new Held(row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class),
                        row.get("lot_key", UUID.class), row.get("on_hand", Number.class).intValue()))
                .all().collectList();
    }

    /** Units of a variant and lot (or {@link StockLedger#NO_LOT}) available on a location; 0 when it holds none. */
    public Mono<Integer> availableAt(UUID locationId, UUID variantId, UUID lotKey) {
        return db.sql("""
                        SELECT on_hand FROM stock_balances
                        WHERE location_id = :location AND variant_id = :variant AND lot_key = :lot AND status = 'available'
                        """)
                .bind("location", locationId).bind("variant", variantId).bind("lot", lotKey)
                .map(row -> row.get("on_hand", Integer.class))
                .one().defaultIfEmpty(0);
    }

    /** A location's available units of one variant and lot; zero when its balance row is empty. */
    public record AtLocation(UUID locationId, int onHand) {
    }

    /** Every location of the node with a balance of the merchant's variant and lot (or {@link StockLedger#NO_LOT}) available. */
    public Mono<List<AtLocation>> availableOf(UUID merchantId, UUID nodeId, UUID variantId, UUID lotKey) {
        return db.sql("""
                        SELECT location_id, on_hand FROM stock_balances
                        WHERE merchant_id = :merchant AND node_id = :node AND variant_id = :variant AND lot_key = :lot AND status = 'available'
                        """)
                .bind("merchant", merchantId).bind("node", nodeId).bind("variant", variantId).bind("lot", lotKey)
                .map(row -> new AtLocation(row.get("location_id", UUID.class), row.get("on_hand", Number.class).intValue()))
                .all().collectList();
    }

    /** Units of a variant and lot (or {@link StockLedger#NO_LOT}) available on a location of a node. */
    public record Available(UUID locationId, UUID variantId, UUID lotKey, int onHand) {
    }

    /** Every merchant's available units of these variants on the node's locations; only what is there (more than zero). */
    public Mono<List<Available>> availableAtNode(UUID nodeId, Collection<UUID> variantIds) {
        return db.sql("""
                        SELECT location_id, variant_id, lot_key, on_hand FROM stock_balances
                        WHERE node_id = :node AND status = 'available' AND on_hand > 0 AND variant_id = ANY(:variants)
                        """)
                .bind("node", nodeId).bind("variants", variantIds.toArray(UUID[]::new))
                .map(row -> new Available(row.get("location_id", UUID.class), row.get("variant_id", UUID.class),
                        row.get("lot_key", UUID.class), row.get("on_hand", Integer.class)))
                .all().collectList();
    }
}
