package io.stowage.api.catalog;

import io.r2dbc.spi.Readable;
import io.stowage.api.problem.ApiProblem;
import io.stowage.barcodes.gs1.Gtin;
import io.stowage.barcodes.gs1.InvalidBarcodeException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds a merchant's variants for other features (inventory, orders, receiving, scanning). An
 * unknown SKU or GTIN, or one of another merchant, is a {@code not-found} problem.
 */
@Service
public class CatalogLookup {

    private static final String SELECT = """
            SELECT v.id, v.sku, p.product_code, v.name, v.lot_tracked, v.expiry_tracked, v.low_stock_threshold,
                   v.weight_g, v.length_mm, v.width_mm, v.height_mm
            FROM variants v JOIN products p ON p.id = v.product_id
            WHERE v.merchant_id = :merchant
            """;

    private final DatabaseClient db;

    public CatalogLookup(DatabaseClient db) {
        this.db = db;
    }

    public Mono<VariantRef> bySku(UUID merchantId, String sku) {
        return db.sql(SELECT + " AND v.sku = :sku")
                .bind("merchant", merchantId).bind("sku", sku)
                .map(CatalogLookup::ref).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Variant", sku)));
    }

    public Mono<VariantRef> byId(UUID merchantId, UUID variantId) {
        return db.sql(SELECT + " AND v.id = :id")
                .bind("merchant", merchantId).bind("id", variantId)
                .map(CatalogLookup::ref).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Variant", variantId)));
    }

    /** The variant a scanned GTIN (8, 12, 13 or 14 digits) belongs to; a malformed GTIN is a {@code gtin} field problem. */
    public Mono<VariantRef> byGtin(UUID merchantId, String gtin) {
        return Mono.defer(() -> {
            String gtin14;
            try {
                gtin14 = Gtin.parse(gtin).toGtin14();
            } catch (InvalidBarcodeException e) {
                return Mono.error(ApiProblem.invalid("gtin", e.getMessage()));
            }
            return db.sql(SELECT + " AND v.id = (SELECT b.variant_id FROM variant_barcodes b WHERE b.merchant_id = :merchant AND b.gtin = :gtin)")
                    .bind("merchant", merchantId).bind("gtin", gtin14)
                    .map(CatalogLookup::ref).one()
                    .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Variant with GTIN", gtin14)));
        });
    }

    /** Every variant named, in SKU order; if any SKU is unknown, a {@code not-found} problem naming all such SKUs. */
    public Flux<VariantRef> bySkus(UUID merchantId, Collection<String> skus) {
        Set<String> wanted = new LinkedHashSet<>(skus);
        if (wanted.isEmpty()) {
            return Flux.empty();
        }
        return db.sql(SELECT + " AND v.sku = ANY(:skus) ORDER BY v.sku")
                .bind("merchant", merchantId).bind("skus", wanted.toArray(String[]::new))
                .map(CatalogLookup::ref).all()
                .collectList()
                .flatMapMany(found -> {
                    found.forEach(ref -> wanted.remove(ref.sku()));
                    return wanted.isEmpty()
                            ? Flux.fromIterable(found)
                            : Flux.error(ApiProblem.notFound(wanted.size() == 1 ? "Variant" : "Variants", String.join(", ", wanted)));
                });
    }

    private static VariantRef ref(Readable row) {
        return new VariantRef(
                row.get("id", UUID.class),
                row.get("sku", String.class),
                row.get("product_code", String.class),
                row.get("name", String.class),
                Boolean.TRUE.equals(row.get("lot_tracked", Boolean.class)),
                Boolean.TRUE.equals(row.get("expiry_tracked", Boolean.class)),
                row.get("low_stock_threshold", Integer.class),
                row.get("weight_g", Integer.class),
                row.get("length_mm", Integer.class),
                row.get("width_mm", Integer.class),
                row.get("height_mm", Integer.class));
    }
}
