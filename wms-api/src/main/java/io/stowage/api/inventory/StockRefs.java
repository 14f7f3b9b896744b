package io.stowage.api.inventory;

import io.stowage.api.database.Params;
import io.stowage.api.problem.ApiProblem;
import io.stowage.barcodes.gs1.Gtin;
import io.stowage.barcodes.gs1.InvalidBarcodeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Turns what a worker scans or a request names (location code, SKU or GTIN, lot number) into the
 * rows stock is kept against, with the problem a person can act on when it does not fit.
 */
@Service
public class StockRefs {

    private final DatabaseClient db;

    public StockRefs(DatabaseClient db) {
        this.db = db;
    }

    public record VariantRef(UUID id, UUID merchantId, String sku, boolean lotTracked, boolean expiryTracked) {
    }

    public record LocationRef(UUID id, UUID nodeId, String code, String type) {
    }

    /** A location of this node; a code of another node is refused as such. */
    public Mono<LocationRef> location(UUID nodeId, String field, String code) {
        return db.sql("SELECT id, node_id, code, type FROM locations WHERE node_id = :node AND code = :code AND active")
                .bind("node", nodeId).bind("code", code)
                .map(row -> new LocationRef(row.get("id", UUID.class), row.get("node_id", UUID.class),
                        row.get("code", String.class), row.get("type", String.class)))
                .one()
                .switchIfEmpty(Mono.defer(() -> db.sql("SELECT count(*) AS elsewhere FROM locations WHERE code = :code AND active")
                        .bind("code", code)
                        .map(row -> row.get("elsewhere", Long.class))
                        .one()
                        .flatMap(elsewhere -> Mono.error(ApiProblem.invalid(field, elsewhere > 0
                                ? "location " + code + " belongs to another warehouse"
                                : "no active location has the code " + code)))));
    }

    /**
     * The variant named by SKU or scanned GTIN. Without a merchant (a worker scanning on the floor)
     * the code must belong to exactly one merchant.
     */
    public Mono<VariantRef> variant(UUID merchantId, String sku, String gtin) {
        return variant(merchantId, sku, gtin, null);
    }

    /**
     * As {@link #variant(UUID, String, String)}, but when several merchants sell the scanned code,
     * the one whose stock is at {@code scannedAt} is meant: that is what the worker holds.
     */
    public Mono<VariantRef> variant(UUID merchantId, String sku, String gtin, UUID scannedAt) {
        if ((sku == null) == (gtin == null)) {
            return Mono.error(ApiProblem.invalid("sku", "name the variant by exactly one of sku or gtin"));
        }
        String normalizedGtin;
        try {
            normalizedGtin = gtin == null ? null : Gtin.parse(gtin).toGtin14();
        } catch (InvalidBarcodeException e) {
            return Mono.error(ApiProblem.invalid("gtin", e.getMessage()));
        }
        String field = sku != null ? "sku" : "gtin";
        String key = sku != null ? sku : gtin;
        String where = sku != null ? "v.sku = :key" : "v.id IN (SELECT b.variant_id FROM variant_barcodes b WHERE b.gtin = :key)";
        return db.sql("SELECT v.id, v.merchant_id, v.sku, v.lot_tracked, v.expiry_tracked, "
                        + "EXISTS (SELECT 1 FROM stock_balances b WHERE b.location_id = :at AND b.variant_id = v.id AND b.on_hand > 0) AS here "
                        + "FROM variants v WHERE " + where + " AND (CAST(:merchant AS uuid) IS NULL OR v.merchant_id = :merchant)")
                .bind("key", sku != null ? sku : normalizedGtin)
                .bind("merchant", Params.nullable(merchantId, UUID.class))
                .bind("at", Params.nullable(scannedAt, UUID.class))
                .map(row -> Map.entry(new VariantRef(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("sku", String.class),
                        Boolean.TRUE.equals(row.get("lot_tracked", Boolean.class)), Boolean.TRUE.equals(row.get("expiry_tracked", Boolean.class))),
                        Boolean.TRUE.equals(row.get("here", Boolean.class))))
                .all().collectList()
                .flatMap(found -> pickOne(found, field, key));
    }

    private static Mono<VariantRef> pickOne(List<Map.Entry<VariantRef, Boolean>> candidates, String field, String key) {
        List<VariantRef> found = candidates.size() > 1 && candidates.stream().filter(Map.Entry::getValue).count() == 1
                ? candidates.stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList()
                : candidates.stream().map(Map.Entry::getKey).toList();
        if (found.isEmpty()) {
            return Mono.error(ApiProblem.invalid(field, "no variant has the " + field + " " + key));
        }
        if (found.size() > 1) {
            return Mono.error(ApiProblem.invalid("merchant_id", "several merchants have the " + field + " " + key + "; send merchant_id"));
        }
        return Mono.just(found.get(0));
    }

    /**
     * The lot to book units under: none for untracked variants, required for tracked ones. Receiving
     * creates a lot on first sight; other work only finds existing lots.
     */
    public Mono<UUID> lot(VariantRef variant, String lotNumber, LocalDate expiresOn, boolean createIfNew) {
        if (!variant.lotTracked() && !variant.expiryTracked()) {
            if (lotNumber != null || expiresOn != null) {
                return Mono.error(ApiProblem.invalid("lot_number", "variant " + variant.sku() + " is not lot-tracked"));
            }
            return Mono.empty();
        }
        if (lotNumber == null || lotNumber.isBlank()) {
            return Mono.error(ApiProblem.invalid("lot_number", "variant " + variant.sku() + " is lot-tracked: a lot number is required"));
        }
        if (!createIfNew) {
            return db.sql("SELECT id FROM lots WHERE variant_id = :variant AND lot_number = :lot")
                    .bind("variant", variant.id()).bind("lot", lotNumber)
                    .map(row -> row.get("id", UUID.class)).one()
                    .switchIfEmpty(Mono.error(() -> ApiProblem.invalid("lot_number", "lot " + lotNumber + " of " + variant.sku() + " is not in stock")));
        }
        if (variant.expiryTracked() && expiresOn == null) {
            return Mono.error(ApiProblem.invalid("expires_on", "variant " + variant.sku() + " tracks expiry: the expiry date is required"));
        }
        return db.sql("""
                        INSERT INTO lots (merchant_id, variant_id, lot_number, expires_on) VALUES (:merchant, :variant, :lot, :expires)
                        ON CONFLICT (variant_id, lot_number) DO UPDATE SET lot_number = EXCLUDED.lot_number
                        RETURNING id, expires_on
                        """)
                .bind("merchant", variant.merchantId()).bind("variant", variant.id()).bind("lot", lotNumber)
                .bind("expires", Params.nullable(expiresOn, LocalDate.class))
                .map(row -> new Object[] {row.get("id", UUID.class), row.get("expires_on", LocalDate.class)})
                .one()
                .flatMap(row -> expiresOn != null && row[1] != null && !expiresOn.equals(row[1])
                        ? Mono.error(ApiProblem.invalid("expires_on", "lot " + lotNumber + " was received before with expiry " + row[1]))
                        : Mono.just((UUID) row[0]));
    }
}
