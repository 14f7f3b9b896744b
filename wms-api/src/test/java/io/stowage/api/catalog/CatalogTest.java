package io.stowage.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

class CatalogTest extends ApiTest {

    @Autowired
    DatabaseClient db;

    static Map<String, Object> variant(String sku, String size, List<String> gtins, List<String> alternatives) {
        return Map.ofEntries(
                Map.entry("sku", sku), Map.entry("name", "Trail tee " + size),
                Map.entry("attributes", Map.of("size", size, "colour", "Navy")),
                Map.entry("gtins", gtins), Map.entry("weight_g", 180), Map.entry("length_mm", 300),
                Map.entry("width_mm", 200), Map.entry("height_mm", 20), Map.entry("low_stock_threshold", 5),
                Map.entry("alternatives", alternatives));
    }

    static Map<String, Object> product(String name, List<Map<String, Object>> variants) {
        return Map.of("name", name, "description", "Merino tee", "variants", variants);
    }

    @Test
    void createsReadsAndReplacesAProductKeepingVariantIds() {
        String key = newMerchant("Amber Apparel");
        as(key).put().uri("/api/v1/products/TEE-1").bodyValue(product("Trail tee", List.of(
                        variant("TEE-1-M", "M", List.of("4006381333931"), List.of("TEE-1-L")),
                        variant("TEE-1-L", "L", List.of("96385074"), List.of()))))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.product_created").isEqualTo(true)
                .jsonPath("$.variants_created").isEqualTo(2)
                .jsonPath("$.product.product_code").isEqualTo("TEE-1")
                .jsonPath("$.product.variants.length()").isEqualTo(2)
                .jsonPath("$.product.variants[0].sku").isEqualTo("TEE-1-L")
                .jsonPath("$.product.variants[0].gtins[0]").isEqualTo("00000096385074")
                .jsonPath("$.product.variants[1].alternatives[0]").isEqualTo("TEE-1-L");

        Map<?, ?> medium = as(key).get().uri("/api/v1/variants/TEE-1-M").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(medium.get("product_code")).isEqualTo("TEE-1");
        assertThat(medium.get("attributes")).isEqualTo(Map.of("size", "M", "colour", "Navy"));
        assertThat(medium.get("gtins")).isEqualTo(List.of("04006381333931"));
        assertThat(medium.get("weight_g")).isEqualTo(180);
        assertThat(medium.get("low_stock_threshold")).isEqualTo(5);

        as(key).put().uri("/api/v1/products/TEE-1").bodyValue(product("Trail tee II", List.of(
                        variant("TEE-1-M", "M", List.of("4006381333931"), List.of()),
                        variant("TEE-1-S", "S", List.of(), List.of()))))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.product_created").isEqualTo(false)
                .jsonPath("$.variants_created").isEqualTo(1)
                .jsonPath("$.variants_updated").isEqualTo(1)
                .jsonPath("$.variants_unchanged").isEqualTo(0)
                .jsonPath("$.unlisted_skus[0]").isEqualTo("TEE-1-L")
                .jsonPath("$.product.name").isEqualTo("Trail tee II")
                .jsonPath("$.product.variants.length()").isEqualTo(3);

        as(key).get().uri("/api/v1/variants/TEE-1-M").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(medium.get("id"))
                .jsonPath("$.alternatives.length()").isEqualTo(0);
        as(key).get().uri("/api/v1/products/TEE-1").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.variants[2].sku").isEqualTo("TEE-1-S");
    }

    @Test
    void findsAVariantByAnyFormOfItsGtin() {
        String key = newMerchant("Baltic Boots");
        as(key).put().uri("/api/v1/products/BOOT").bodyValue(product("Boot", List.of(
                variant("BOOT-42", "42", List.of("4006381333931"), List.of())))).exchange().expectStatus().isCreated();
        for (String scanned : List.of("4006381333931", "04006381333931")) {
            as(key).get().uri("/api/v1/variants?gtin={gtin}", scanned).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].sku").isEqualTo("BOOT-42");
        }
        as(key).get().uri("/api/v1/variants?gtin=96385074").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        as(key).get().uri("/api/v1/variants?gtin=4006381333932").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("gtin");
    }

    @Test
    void anotherMerchantNeitherSeesNorCollidesWithYourSkus() {
        String amber = newMerchant("Amber");
        String cobalt = newMerchant("Cobalt");
        as(amber).put().uri("/api/v1/products/SHARED").bodyValue(product("Amber's", List.of(
                variant("SKU-1", "M", List.of("4006381333931"), List.of())))).exchange().expectStatus().isCreated();

        as(cobalt).get().uri("/api/v1/variants/SKU-1").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        as(cobalt).get().uri("/api/v1/products/SHARED").exchange().expectStatus().isNotFound();
        as(cobalt).get().uri("/api/v1/variants?gtin=4006381333931").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        as(cobalt).put().uri("/api/v1/variants/SKU-1/alternatives").bodyValue(Map.of("alternatives", List.of()))
                .exchange().expectStatus().isNotFound();
        as(cobalt).delete().uri("/api/v1/variants/SKU-1").exchange().expectStatus().isNotFound();

        as(cobalt).put().uri("/api/v1/products/SHARED").bodyValue(product("Cobalt's", List.of(
                        variant("SKU-1", "L", List.of("4006381333931"), List.of()))))
                .exchange().expectStatus().isCreated();
        as(amber).get().uri("/api/v1/variants/SKU-1").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.attributes.size").isEqualTo("M");
        as(cobalt).get().uri("/api/v1/products").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].name").isEqualTo("Cobalt's");
    }

    @Test
    void badInputIsRefusedWithEveryFieldProblemAndWritesNothing() {
        String key = newMerchant("Delta Deli");
        Map<String, Object> negativeWeight = new java.util.HashMap<>(variant("D-2", "L", List.of(), List.of()));
        negativeWeight.put("weight_g", -5);
        as(key).put().uri("/api/v1/products/DELI").bodyValue(product("Deli", List.of(
                        variant("D-1", "M", List.of("4006381333932"), List.of("NOPE")),
                        negativeWeight,
                        variant("D-1", "S", List.of(), List.of()),
                        variant("bad sku!", "S", List.of(), List.of()))))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://stowage.io/problems/invalid-request")
                .jsonPath("$.errors[?(@.field == 'variants[0].gtins[0]')]").exists()
                .jsonPath("$.errors[?(@.field == 'variants[0].alternatives[0]')]").exists()
                .jsonPath("$.errors[?(@.field == 'variants[1].weight_g')]").exists()
                .jsonPath("$.errors[?(@.field == 'variants[2].sku')]").exists()
                .jsonPath("$.errors[?(@.field == 'variants[3].sku')]").exists();
        assertThat(catalogRows(key)).isZero();
        as(key).get().uri("/api/v1/products/DELI").exchange().expectStatus().isNotFound();
    }

    @Test
    void aGtinBelongsToOneVariant() {
        String key = newMerchant("Echo Electronics");
        as(key).put().uri("/api/v1/products/CABLE").bodyValue(product("Cable", List.of(
                variant("CABLE-1", "1m", List.of("4006381333931"), List.of())))).exchange().expectStatus().isCreated();
        as(key).put().uri("/api/v1/products/PLUG").bodyValue(product("Plug", List.of(
                        variant("PLUG-1", "EU", List.of("04006381333931"), List.of()))))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("variants[0].gtins[0]")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("CABLE-1"));
        as(key).get().uri("/api/v1/products/PLUG").exchange().expectStatus().isNotFound();
    }

    @Test
    void alternativesAreKeptInOrderOfPreference() {
        String key = newMerchant("Fjord Foods");
        as(key).put().uri("/api/v1/products/OAT").bodyValue(product("Oats", List.of(
                variant("OAT-500", "500g", List.of(), List.of()),
                variant("OAT-1000", "1kg", List.of(), List.of()),
                variant("OAT-2000", "2kg", List.of(), List.of())))).exchange().expectStatus().isCreated();

        as(key).put().uri("/api/v1/variants/{sku}/alternatives", "OAT-500")
                .bodyValue(Map.of("alternatives", List.of("OAT-2000", "OAT-1000")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.alternatives").isEqualTo(List.of("OAT-2000", "OAT-1000"));
        as(key).put().uri("/api/v1/variants/{sku}/alternatives", "OAT-500")
                .bodyValue(Map.of("alternatives", List.of("OAT-1000", "OAT-500", "MISSING")))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'alternatives[1]')]").exists()
                .jsonPath("$.errors[?(@.field == 'alternatives[2]')]").exists();
        as(key).get().uri("/api/v1/variants/{sku}", "OAT-500").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.alternatives").isEqualTo(List.of("OAT-2000", "OAT-1000"));
    }

    @Test
    void aVariantWithoutHistoryCanBeRemoved() {
        String key = newMerchant("Gamma Garden");
        as(key).put().uri("/api/v1/products/POT").bodyValue(product("Pot", List.of(
                variant("POT-S", "S", List.of("96385074"), List.of()),
                variant("POT-L", "L", List.of(), List.of("POT-S"))))).exchange().expectStatus().isCreated();
        as(key).delete().uri("/api/v1/variants/POT-S").exchange().expectStatus().isNoContent();
        as(key).get().uri("/api/v1/variants/POT-S").exchange().expectStatus().isNotFound();
        as(key).get().uri("/api/v1/variants/POT-L").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.alternatives.length()").isEqualTo(0);
        as(key).get().uri("/api/v1/variants?gtin=96385074").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void aVariantWithStockMovementsCannotBeRemoved() {
        String key = newMerchant("India Ink");
        as(key).put().uri("/api/v1/products/INK").bodyValue(product("Ink", List.of(
                variant("INK-BLUE", "50ml", List.of(), List.of()),
                variant("INK/GREEN", "50ml", List.of(), List.of())))).exchange().expectStatus().isCreated();
        as(key).get().uri("/api/v1/variants?sku={sku}", "INK/GREEN").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].sku").isEqualTo("INK/GREEN");
        UUID merchantId = merchantId(key);
        // Stock arrives through the inventory ledger; the test writes one movement straight into it.
        db.sql("""
                        WITH node AS (
                            INSERT INTO nodes (code, kind, name, address_line, city, postal_code, country, latitude, longitude, time_zone)
                            VALUES ('WH-INK', 'warehouse', 'Ink warehouse', '1 Quay', 'Oslo', '0150', 'NO', 59.9, 10.7, 'Europe/Oslo')
                            RETURNING id),
                        location AS (
                            INSERT INTO locations (node_id, code, type) SELECT id, 'A-01-01-A', 'reserve' FROM node RETURNING id, node_id)
                        INSERT INTO stock_movements (merchant_id, node_id, variant_id, kind, quantity, to_location_id, actor)
                        SELECT :m, location.node_id, v.id, 'receipt', 3, location.id, 'test'
                        FROM location, variants v WHERE v.merchant_id = :m AND v.sku = 'INK-BLUE'
                        """)
                .bind("m", merchantId).fetch().rowsUpdated().block();

        as(key).put().uri("/api/v1/products/INK").bodyValue(product("Ink", List.of(
                        variant("INK-RED", "50ml", List.of(), List.of()))))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.unlisted_skus").isEqualTo(List.of("INK-BLUE", "INK/GREEN"));
        as(key).delete().uri("/api/v1/variants/INK-BLUE").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/variant-has-stock-history");
        as(key).delete().uri("/api/v1/variants/INK-RED").exchange().expectStatus().isNoContent();
        as(key).delete().uri("/api/v1/variants/INK-NONE").exchange().expectStatus().isNotFound();
        as(key).get().uri("/api/v1/products/INK").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.variants[*].sku").isEqualTo(List.of("INK-BLUE", "INK/GREEN"));
    }

    @Test
    void productsArePagedByCode() {
        String key = newMerchant("Hotel Homeware");
        for (String code : List.of("C", "A", "B")) {
            as(key).put().uri("/api/v1/products/" + code).bodyValue(product(code, List.of(
                    variant("SKU-" + code, "M", List.of(), List.of())))).exchange().expectStatus().isCreated();
        }
        Map<?, ?> first = as(key).get().uri("/api/v1/products?limit=2").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<?>) first.get("items")).stream().map(p -> (Object) ((Map<?, ?>) p).get("product_code")))
                .containsExactly("A", "B");
        as(key).get().uri("/api/v1/products?limit=2&after={cursor}", first.get("next_cursor")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].product_code").isEqualTo("C")
                .jsonPath("$.next_cursor").doesNotExist();
    }

    UUID merchantId(String key) {
        return UUID.fromString((String) as(key).get().uri("/api/v1/merchant").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("id"));
    }

    /** Products, variants, barcodes and alternatives of the merchant behind {@code key}. */
    long catalogRows(String key) {
        UUID merchantId = merchantId(key);
        return db.sql("""
                        SELECT (SELECT count(*) FROM products WHERE merchant_id = :m)
                             + (SELECT count(*) FROM variants WHERE merchant_id = :m)
                             + (SELECT count(*) FROM variant_barcodes WHERE merchant_id = :m)
                             + (SELECT count(*) FROM variant_alternatives a JOIN variants v ON v.id = a.variant_id
                                WHERE v.merchant_id = :m) AS total
                        """)
                .bind("m", merchantId).map(row -> row.get("total", Long.class)).one().block();
    }
}
