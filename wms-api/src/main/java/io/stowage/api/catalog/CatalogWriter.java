package io.stowage.api.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a checked batch with a few set-based statements, whatever its size: each statement takes
 * whole columns as arrays and {@code unnest}s them. Rows are only touched when they change, which
 * is how the summary tells created, updated and unchanged apart. Run it inside the command's
 * transaction.
 */
@Component
class CatalogWriter {

    private final DatabaseClient db;
    private final JsonMapper json;

    CatalogWriter(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<ImportSummary> write(UUID merchantId, CatalogBatch batch) {
        List<CatalogBatch.Variant> variants = batch.variants();
        return upsertProducts(merchantId, batch.products())
                .flatMap(products -> upsertVariants(merchantId, variants)
                        .flatMap(upserted -> variantIds(merchantId, variants)
                                .flatMap(ids -> replaceBarcodes(merchantId, variants, ids)
                                        .concatWith(replaceAlternatives(variants, ids))
                                        .collect(HashSet<UUID>::new, Set::add)
                                        .flatMap(linksChanged -> {
                                            linksChanged.removeAll(upserted.keySet());
                                            return touch(linksChanged).thenReturn(
                                                    summary(batch.products().size(), products, variants.size(), upserted, linksChanged));
                                        }))));
    }

    private static ImportSummary summary(int productCount, List<Boolean> productsWritten, int variantCount,
                                         Map<UUID, Boolean> upserted, Set<UUID> linksChanged) {
        int productsCreated = (int) productsWritten.stream().filter(created -> created).count();
        int productsUpdated = productsWritten.size() - productsCreated;
        int variantsCreated = (int) upserted.values().stream().filter(created -> created).count();
        int variantsUpdated = upserted.size() - variantsCreated + linksChanged.size();
        return new ImportSummary(productsCreated, productsUpdated, productCount - productsCreated - productsUpdated,
                variantsCreated, variantsUpdated, variantCount - variantsCreated - variantsUpdated);
    }

    /** One flag per product row written: created or updated; unchanged products return no row. */
    private Mono<List<Boolean>> upsertProducts(UUID merchantId, List<CatalogBatch.Product> products) {
        return db.sql("""
                        INSERT INTO products (merchant_id, product_code, name, description)
                        SELECT :merchant, p.code, p.name, p.description
                        FROM unnest(CAST(:codes AS text[]), CAST(:names AS text[]), CAST(:descriptions AS text[]))
                             AS p(code, name, description)
                        ON CONFLICT (merchant_id, product_code) DO UPDATE
                            SET name = excluded.name, description = excluded.description, updated_at = now()
                            WHERE (products.name, products.description) IS DISTINCT FROM (excluded.name, excluded.description)
                        RETURNING (xmax = 0) AS created
                        """)
                .bind("merchant", merchantId)
                .bind("codes", column(products, CatalogBatch.Product::productCode))
                .bind("names", column(products, CatalogBatch.Product::name))
                .bind("descriptions", column(products, CatalogBatch.Product::description))
                .map(row -> Boolean.TRUE.equals(row.get("created", Boolean.class)))
                .all()
                .collectList();
    }

    /** Variant id to whether it was created, for every variant row created or changed. */
    private Mono<Map<UUID, Boolean>> upsertVariants(UUID merchantId, List<CatalogBatch.Variant> variants) {
        return db.sql("""
                        INSERT INTO variants (merchant_id, product_id, sku, name, attributes, weight_g, length_mm, width_mm,
                                              height_mm, lot_tracked, expiry_tracked, low_stock_threshold, fragile, ships_separately, image_url)
                        SELECT :merchant, p.id, v.sku, v.name, CAST(v.attributes AS jsonb), v.weight_g, v.length_mm, v.width_mm,
                               v.height_mm, v.lot_tracked, v.expiry_tracked, v.low_stock_threshold, v.fragile, v.ships_separately, v.image_url
                        FROM unnest(CAST(:productCodes AS text[]), CAST(:skus AS text[]), CAST(:names AS text[]),
                                    CAST(:attributes AS text[]), CAST(:weights AS integer[]), CAST(:lengths AS integer[]),
                                    CAST(:widths AS integer[]), CAST(:heights AS integer[]), CAST(:lotTracked AS boolean[]),
                                    CAST(:expiryTracked AS boolean[]), CAST(:thresholds AS integer[]),
                                    CAST(:fragile AS boolean[]), CAST(:shipsSeparately AS boolean[]), CAST(:imageUrls AS text[]))
                             AS v(product_code, sku, name, attributes, weight_g, length_mm, width_mm, height_mm,
                                  lot_tracked, expiry_tracked, low_stock_threshold, fragile, ships_separately, image_url)
                        JOIN products p ON p.merchant_id = :merchant AND p.product_code = v.product_code
                        ON CONFLICT (merchant_id, sku) DO UPDATE
                            SET product_id = excluded.product_id, name = excluded.name, attributes = excluded.attributes,
                                weight_g = excluded.weight_g, length_mm = excluded.length_mm, width_mm = excluded.width_mm,
                                height_mm = excluded.height_mm, lot_tracked = excluded.lot_tracked,
                                expiry_tracked = excluded.expiry_tracked, low_stock_threshold = excluded.low_stock_threshold,
                                fragile = excluded.fragile, ships_separately = excluded.ships_separately,
                                image_url = excluded.image_url, updated_at = now()
                            WHERE (variants.product_id, variants.name, variants.attributes, variants.weight_g, variants.length_mm,
                                   variants.width_mm, variants.height_mm, variants.lot_tracked, variants.expiry_tracked,
                                   variants.low_stock_threshold, variants.fragile, variants.ships_separately, variants.image_url)
                                  IS DISTINCT FROM
                                  (excluded.product_id, excluded.name, excluded.attributes, excluded.weight_g, excluded.length_mm,
                                   excluded.width_mm, excluded.height_mm, excluded.lot_tracked, excluded.expiry_tracked,
                                   excluded.low_stock_threshold, excluded.fragile, excluded.ships_separately, excluded.image_url)
                        RETURNING id, (xmax = 0) AS created
                        """)
                .bind("merchant", merchantId)
                .bind("productCodes", column(variants, CatalogBatch.Variant::productCode))
                .bind("skus", column(variants, CatalogBatch.Variant::sku))
                .bind("names", column(variants, CatalogBatch.Variant::name))
                .bind("attributes", column(variants, variant -> json.writeValueAsString(variant.attributes())))
                .bind("weights", integers(variants, CatalogBatch.Variant::weightG))
                .bind("lengths", integers(variants, CatalogBatch.Variant::lengthMm))
                .bind("widths", integers(variants, CatalogBatch.Variant::widthMm))
                .bind("heights", integers(variants, CatalogBatch.Variant::heightMm))
                .bind("lotTracked", variants.stream().map(CatalogBatch.Variant::lotTracked).toArray(Boolean[]::new))
                .bind("expiryTracked", variants.stream().map(CatalogBatch.Variant::expiryTracked).toArray(Boolean[]::new))
                .bind("thresholds", integers(variants, CatalogBatch.Variant::lowStockThreshold))
                .bind("fragile", variants.stream().map(CatalogBatch.Variant::fragile).toArray(Boolean[]::new))
                .bind("shipsSeparately", variants.stream().map(CatalogBatch.Variant::shipsSeparately).toArray(Boolean[]::new))
                .bind("imageUrls", column(variants, CatalogBatch.Variant::imageUrl))
                .map(row -> Map.entry(row.get("id", UUID.class), Boolean.TRUE.equals(row.get("created", Boolean.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    /** SKU to id for the batch's variants and the alternatives they name. */
    private Mono<Map<String, UUID>> variantIds(UUID merchantId, List<CatalogBatch.Variant> variants) {
        Set<String> skus = new HashSet<>();
        variants.forEach(variant -> {
            skus.add(variant.sku());
            skus.addAll(variant.alternatives());
        });
        return db.sql("SELECT id, sku FROM variants WHERE merchant_id = :merchant AND sku = ANY(:skus)")
                .bind("merchant", merchantId)
                .bind("skus", skus.toArray(String[]::new))
                .map(row -> Map.entry(row.get("sku", String.class), row.get("id", UUID.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Makes each variant's GTINs exactly those given; emits the ids of variants whose GTINs changed. */
    private Flux<UUID> replaceBarcodes(UUID merchantId, List<CatalogBatch.Variant> variants, Map<String, UUID> ids) {
        List<UUID> owners = new ArrayList<>();
        List<String> gtins = new ArrayList<>();
        for (CatalogBatch.Variant variant : variants) {
            for (String gtin : variant.gtins()) {
                owners.add(ids.get(variant.sku()));
                gtins.add(gtin);
            }
        }
        UUID[] variantIds = variants.stream().map(variant -> ids.get(variant.sku())).toArray(UUID[]::new);
        UUID[] ownerColumn = owners.toArray(UUID[]::new);
        String[] gtinColumn = gtins.toArray(String[]::new);
        Flux<UUID> removed = db.sql("""
                        DELETE FROM variant_barcodes b
                        WHERE b.merchant_id = :merchant AND b.variant_id = ANY(:variants)
                          AND NOT EXISTS (SELECT 1 FROM unnest(CAST(:owners AS uuid[]), CAST(:gtins AS text[])) AS n(variant_id, gtin)
                                          WHERE n.variant_id = b.variant_id AND n.gtin = b.gtin)
                        RETURNING b.variant_id
                        """)
                .bind("merchant", merchantId).bind("variants", variantIds).bind("owners", ownerColumn).bind("gtins", gtinColumn)
                .map(row -> row.get("variant_id", UUID.class))
                .all();
        // A GTIN held by a variant outside the batch was refused by validation; if one got there since,
        // the primary key refuses the insert and the whole command rolls back.
        Flux<UUID> added = db.sql("""
                        INSERT INTO variant_barcodes (merchant_id, gtin, variant_id)
                        SELECT :merchant, n.gtin, n.variant_id
                        FROM unnest(CAST(:owners AS uuid[]), CAST(:gtins AS text[])) AS n(variant_id, gtin)
                        WHERE NOT EXISTS (SELECT 1 FROM variant_barcodes b
                                          WHERE b.merchant_id = :merchant AND b.gtin = n.gtin AND b.variant_id = n.variant_id)
                        RETURNING variant_id
                        """)
                .bind("merchant", merchantId).bind("owners", ownerColumn).bind("gtins", gtinColumn)
                .map(row -> row.get("variant_id", UUID.class))
                .all();
        return removed.concatWith(added);
    }

    /** Makes each variant's alternatives exactly those given, in order; emits the ids of variants whose list changed. */
    private Flux<UUID> replaceAlternatives(List<CatalogBatch.Variant> variants, Map<String, UUID> ids) {
        List<UUID> owners = new ArrayList<>();
        List<UUID> alternatives = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        for (CatalogBatch.Variant variant : variants) {
            for (int rank = 0; rank < variant.alternatives().size(); rank++) {
                owners.add(ids.get(variant.sku()));
                alternatives.add(ids.get(variant.alternatives().get(rank)));
                ranks.add(rank + 1);
            }
        }
        UUID[] variantIds = variants.stream().map(variant -> ids.get(variant.sku())).toArray(UUID[]::new);
        UUID[] ownerColumn = owners.toArray(UUID[]::new);
        UUID[] alternativeColumn = alternatives.toArray(UUID[]::new);
        Integer[] rankColumn = ranks.toArray(Integer[]::new);
        Flux<UUID> removed = db.sql("""
                        DELETE FROM variant_alternatives a
                        WHERE a.variant_id = ANY(:variants)
                          AND NOT EXISTS (SELECT 1 FROM unnest(CAST(:owners AS uuid[]), CAST(:alternatives AS uuid[]),
                                                               CAST(:ranks AS integer[])) AS n(variant_id, alternative_id, rank)
                                          WHERE n.variant_id = a.variant_id AND n.alternative_id = a.alternative_variant_id
                                            AND n.rank = a.rank)
                        RETURNING a.variant_id
                        """)
                .bind("variants", variantIds).bind("owners", ownerColumn).bind("alternatives", alternativeColumn).bind("ranks", rankColumn)
                .map(row -> row.get("variant_id", UUID.class))
                .all();
        Flux<UUID> added = db.sql("""
                        INSERT INTO variant_alternatives (variant_id, alternative_variant_id, rank)
                        SELECT n.variant_id, n.alternative_id, n.rank
                        FROM unnest(CAST(:owners AS uuid[]), CAST(:alternatives AS uuid[]), CAST(:ranks AS integer[]))
                             AS n(variant_id, alternative_id, rank)
                        ON CONFLICT (variant_id, alternative_variant_id) DO NOTHING
                        RETURNING variant_id
                        """)
                .bind("owners", ownerColumn).bind("alternatives", alternativeColumn).bind("ranks", rankColumn)
                .map(row -> row.get("variant_id", UUID.class))
                .all();
        return removed.concatWith(added);
    }

    /** Variants whose only change was a GTIN or an alternative still show when they last changed. */
    private Mono<Void> touch(Set<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("UPDATE variants SET updated_at = now() WHERE id = ANY(:ids)")
                .bind("ids", variantIds.toArray(UUID[]::new))
                .then();
    }

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static <T> Integer[] integers(List<T> rows, Function<T, Integer> value) {
        return rows.stream().map(value).toArray(Integer[]::new);
    }
}
