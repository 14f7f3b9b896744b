package io.stowage.api.catalog;

import io.r2dbc.spi.Readable;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads products and variants of one merchant; another merchant's rows are never found. */
@Component
class CatalogQueries {

    private static final String VARIANTS = """
            SELECT v.id, v.sku, p.product_code, v.name, CAST(v.attributes AS text) AS attributes, v.weight_g, v.length_mm,
                   v.width_mm, v.height_mm, v.lot_tracked, v.expiry_tracked, v.low_stock_threshold, v.fragile, v.ships_separately,
                   v.image_url, v.created_at, v.updated_at,
                   v.product_id,
                   ARRAY(SELECT b.gtin FROM variant_barcodes b WHERE b.variant_id = v.id ORDER BY b.gtin) AS gtins,
                   ARRAY(SELECT av.sku FROM variant_alternatives a JOIN variants av ON av.id = a.alternative_variant_id
                         WHERE a.variant_id = v.id ORDER BY a.rank) AS alternatives
            FROM variants v JOIN products p ON p.id = v.product_id
            WHERE v.merchant_id = :merchant
            """;
    private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    CatalogQueries(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Variant> variant(UUID merchantId, String sku) {
        return db.sql(VARIANTS + " AND v.sku = :sku")
                .bind("merchant", merchantId).bind("sku", sku)
                .map(row -> variant(row)).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Variant", sku)));
    }

    Mono<Page<Variant>> variants(UUID merchantId, String after, int limit) {
        return db.sql(VARIANTS + " AND v.sku > :after ORDER BY v.sku LIMIT :rows")
                .bind("merchant", merchantId).bind("after", Cursor.decode(after)).bind("rows", limit + 1)
                .map(row -> variant(row)).all().collectList()
                .map(rows -> Page.of(rows, limit, Variant::sku));
    }

    /** The variant with {@code sku}, as a list of none or one. */
    Mono<Page<Variant>> variantsBySku(UUID merchantId, String sku) {
        return db.sql(VARIANTS + " AND v.sku = :sku")
                .bind("merchant", merchantId).bind("sku", sku)
                .map(row -> variant(row)).all().collectList()
                .map(rows -> new Page<>(rows, null));
    }

    /** The variant carrying {@code gtin14}, as a list of none or one. */
    Mono<Page<Variant>> variantsByGtin(UUID merchantId, String gtin14) {
        return db.sql(VARIANTS + " AND v.id = (SELECT b.variant_id FROM variant_barcodes b WHERE b.merchant_id = :merchant AND b.gtin = :gtin)")
                .bind("merchant", merchantId).bind("gtin", gtin14)
                .map(row -> variant(row)).all().collectList()
                .map(rows -> new Page<>(rows, null));
    }

    Mono<Product> product(UUID merchantId, String productCode) {
        return productRows(merchantId, "AND product_code = :code", productCode, 1)
                .flatMap(products -> products.isEmpty()
                        ? Mono.error(ApiProblem.notFound("Product", productCode))
                        : Mono.just(products.get(0)));
    }

    Mono<Page<Product>> products(UUID merchantId, String after, int limit) {
        return productRows(merchantId, "AND product_code > :code", Cursor.decode(after), limit + 1)
                .map(rows -> Page.of(rows, limit, Product::productCode));
    }

    /** SKUs of the product that {@code listed} does not name. */
    Mono<List<String>> otherSkus(UUID merchantId, String productCode, List<String> listed) {
        return db.sql("""
                        SELECT v.sku FROM variants v JOIN products p ON p.id = v.product_id
                        WHERE p.merchant_id = :merchant AND p.product_code = :code AND NOT (v.sku = ANY(:listed))
                        ORDER BY v.sku
                        """)
                .bind("merchant", merchantId).bind("code", productCode).bind("listed", listed.toArray(String[]::new))
                .map(row -> row.get("sku", String.class))
                .all().collectList();
    }

    private record ProductRow(UUID id, String productCode, String name, String description, OffsetDateTime createdAt,
                              OffsetDateTime updatedAt) {
    }

    private Mono<List<Product>> productRows(UUID merchantId, String condition, String code, int rows) {
        return db.sql("SELECT id, product_code, name, description, created_at, updated_at FROM products WHERE merchant_id = :merchant "
                        + condition + " ORDER BY product_code LIMIT :rows")
                .bind("merchant", merchantId).bind("code", code).bind("rows", rows)
                .map(row -> new ProductRow(row.get("id", UUID.class), row.get("product_code", String.class),
                        row.get("name", String.class), row.get("description", String.class),
                        row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class)))
                .all().collectList()
                .flatMap(products -> withVariants(merchantId, products));
    }

    private Mono<List<Product>> withVariants(UUID merchantId, List<ProductRow> products) {
        if (products.isEmpty()) {
            return Mono.just(List.of());
        }
        Flux<Map.Entry<UUID, Variant>> variants = db.sql(VARIANTS + " AND v.product_id = ANY(:products) ORDER BY v.sku")
                .bind("merchant", merchantId)
                .bind("products", products.stream().map(ProductRow::id).toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("product_id", UUID.class), variant(row)))
                .all();
        return variants.collectMultimap(Map.Entry::getKey, Map.Entry::getValue).map(byProduct -> products.stream()
                .map(p -> new Product(p.productCode(), p.name(), p.description(),
                        new ArrayList<>(byProduct.getOrDefault(p.id(), List.of())), p.createdAt(), p.updatedAt()))
                .toList());
    }

    private Variant variant(Readable row) {
        return new Variant(
                row.get("id", UUID.class),
                row.get("sku", String.class),
                row.get("product_code", String.class),
                row.get("name", String.class),
                json.readValue(row.get("attributes", String.class), ATTRIBUTES),
                List.of(row.get("gtins", String[].class)),
                row.get("weight_g", Integer.class),
                row.get("length_mm", Integer.class),
                row.get("width_mm", Integer.class),
                row.get("height_mm", Integer.class),
                Boolean.TRUE.equals(row.get("lot_tracked", Boolean.class)),
                Boolean.TRUE.equals(row.get("expiry_tracked", Boolean.class)),
                row.get("low_stock_threshold", Integer.class),
                Boolean.TRUE.equals(row.get("fragile", Boolean.class)),
                Boolean.TRUE.equals(row.get("ships_separately", Boolean.class)),
                List.of(row.get("alternatives", String[].class)),
                row.get("image_url", String.class),
                row.get("created_at", OffsetDateTime.class),
                row.get("updated_at", OffsetDateTime.class));
    }
}
