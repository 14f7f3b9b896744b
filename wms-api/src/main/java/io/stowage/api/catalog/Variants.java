package io.stowage.api.catalog;

import io.r2dbc.spi.Readable;
import io.stowage.api.Published;
import io.stowage.api.database.Params;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The catalog's published query class: how other features (inventory, orders, receiving, picking,
 * counts) find variants without reading the catalog's tables. Lookups return nothing when nothing
 * matches; what that means (not found, a field problem) is the asking feature's call.
 */
@Service
@Published
public class Variants {

    private static final String SELECT = """
            SELECT v.id, v.merchant_id, v.sku, p.product_code, v.name, v.lot_tracked, v.expiry_tracked, v.low_stock_threshold,
                   v.weight_g, v.length_mm, v.width_mm, v.height_mm, v.fragile, v.ships_separately
            FROM variants v JOIN products p ON p.id = v.product_id
            """;

    private final DatabaseClient db;

    public Variants(DatabaseClient db) {
        this.db = db;
    }

    /** The merchant's variant with this SKU. */
    public Mono<VariantRef> bySku(UUID merchantId, String sku) {
        return db.sql(SELECT + " WHERE v.merchant_id = :merchant AND v.sku = :sku")
                .bind("merchant", merchantId).bind("sku", sku)
                .map(Variants::ref).one();
    }

    /** A substitute the merchant chose for a variant. */
    public record Alternative(UUID forVariantId, UUID variantId, String sku, int lowStockThreshold) {
    }

    /**
     * The merchant's substitutes for these variants, in the merchant's order per variant, whether in
     * stock or not (their units are inventory's: {@code availability.SellableLevels#totals}).
     */
    public Flux<Alternative> alternatives(UUID merchantId, Collection<UUID> variantIds) {
        return db.sql("""
                        SELECT a.variant_id, v.id, v.sku, v.low_stock_threshold
                        FROM variant_alternatives a JOIN variants v ON v.id = a.alternative_variant_id
                        WHERE a.variant_id = ANY(:ids) AND v.merchant_id = :merchant
                        ORDER BY a.variant_id, a.rank
                        """)
                .bind("merchant", merchantId).bind("ids", variantIds.toArray(UUID[]::new))
                .map(row -> new Alternative(row.get("variant_id", UUID.class), row.get("id", UUID.class), row.get("sku", String.class),
                        row.get("low_stock_threshold", Integer.class)))
                .all();
    }

    /** The merchant's variants with these SKUs, those that exist; unknown SKUs are simply missing. */
    public Flux<VariantRef> bySkus(UUID merchantId, Collection<String> skus) {
        return db.sql(SELECT + " WHERE v.merchant_id = :merchant AND v.sku = ANY(:skus)")
                .bind("merchant", merchantId).bind("skus", skus.toArray(String[]::new))
                .map(Variants::ref).all();
    }

    /** The merchant's variants of the product with this code (its sizes and colours), by SKU. */
    public Flux<VariantRef> ofProduct(UUID merchantId, String productCode) {
        return db.sql(SELECT + " WHERE v.merchant_id = :merchant AND p.product_code = :product ORDER BY v.sku")
                .bind("merchant", merchantId).bind("product", productCode)
                .map(Variants::ref).all();
    }

    /** The variants with these ids, of any merchant (callers hold ids taken from their own merchant's rows); unknown ids are missing. */
    public Flux<VariantRef> byIds(Collection<UUID> ids) {
        return db.sql(SELECT + " WHERE v.id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(Variants::ref).all();
    }

    /**
     * Every variant with this SKU, or with this GTIN (normalised to 14 digits) among its barcodes:
     * of the merchant, or of any merchant when {@code merchantId} is null (a worker scanning on the
     * floor does not say whose goods they hold). Exactly one of {@code sku} and {@code gtin14} is given.
     */
    public Flux<VariantRef> bySkuOrGtin(UUID merchantId, String sku, String gtin14) {
        String where = sku != null ? "v.sku = :key" : "v.id IN (SELECT b.variant_id FROM variant_barcodes b WHERE b.gtin = :key)";
        return db.sql(SELECT + " WHERE " + where + " AND (CAST(:merchant AS uuid) IS NULL OR v.merchant_id = :merchant)")
                .bind("key", sku != null ? sku : gtin14)
                .bind("merchant", Params.nullable(merchantId, UUID.class))
                .map(Variants::ref).all();
    }

    private static VariantRef ref(Readable row) {
        return new VariantRef(
                row.get("id", UUID.class),
                row.get("merchant_id", UUID.class),
                row.get("sku", String.class),
                row.get("product_code", String.class),
                row.get("name", String.class),
                Boolean.TRUE.equals(row.get("lot_tracked", Boolean.class)),
                Boolean.TRUE.equals(row.get("expiry_tracked", Boolean.class)),
                row.get("low_stock_threshold", Integer.class),
                row.get("weight_g", Integer.class),
                row.get("length_mm", Integer.class),
                row.get("width_mm", Integer.class),
                row.get("height_mm", Integer.class),
                Boolean.TRUE.equals(row.get("fragile", Boolean.class)),
                Boolean.TRUE.equals(row.get("ships_separately", Boolean.class)));
    }
}
