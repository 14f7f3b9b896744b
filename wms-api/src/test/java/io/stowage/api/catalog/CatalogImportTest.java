package io.stowage.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.barcodes.gs1.Gs1CheckDigit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class CatalogImportTest extends ApiTest {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final String HEADER = "product_code,product_name,sku,variant_name,gtins,weight_g,length_mm,width_mm,height_mm,"
            + "lot_tracked,expiry_tracked,low_stock_threshold,alternatives,attr.size,attr.colour\n";

    @Autowired
    DatabaseClient db;

    /** A valid GTIN-13 made from {@code n}, under a restricted-circulation prefix no real product uses. */
    static String gtin13(long n) {
        String body = "20" + String.format("%010d", n);
        return body + Gs1CheckDigit.compute(body);
    }

    static String generatedCsv(int products, int variantsPerProduct) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int p = 0; p < products; p++) {
            for (int v = 0; v < variantsPerProduct; v++) {
                long n = (long) p * variantsPerProduct + v;
                String alternative = v == 0 ? "" : "P" + p + "-V0";
                csv.append("P").append(p).append(",\"Product ").append(p).append(", generated\",P").append(p).append("-V").append(v)
                        .append(",Variant ").append(v).append(',').append(gtin13(n)).append(',').append(100 + v)
                        .append(",300,200,").append(10 + v).append(",false,").append(v % 2 == 0).append(",3,")
                        .append(alternative).append(",S").append(v).append(",Navy\n");
            }
        }
        return csv.toString();
    }

    @Test
    void csvRowsBecomeProductsWithVariantsAttributesAndQuotedValues() {
        String key = newMerchant("Amber Apparel");
        String csv = HEADER
                + "TEE,\"Trail tee, \"\"merino\"\"\",TEE-M,Tee M,4006381333931|96385074,180,300,200,20,true,yes,4,TEE-L,M,\"Navy\nBlue\"\r\n"
                + "TEE,,TEE-L,Tee L,,190,300,200,20,0,no,,,L,Navy\r\n";
        importCsv(as(key), csv)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.products_created").isEqualTo(1)
                .jsonPath("$.variants_created").isEqualTo(2)
                .jsonPath("$.variants_unchanged").isEqualTo(0);

        Map<?, ?> medium = as(key).get().uri("/api/v1/variants/TEE-M").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(medium.get("gtins")).isEqualTo(List.of("00000096385074", "04006381333931"));
        assertThat(medium.get("attributes")).isEqualTo(Map.of("size", "M", "colour", "Navy\nBlue"));
        assertThat(medium.get("alternatives")).isEqualTo(List.of("TEE-L"));
        assertThat(medium.get("lot_tracked")).isEqualTo(true);
        assertThat(medium.get("expiry_tracked")).isEqualTo(true);
        assertThat(medium.get("low_stock_threshold")).isEqualTo(4);
        as(key).get().uri("/api/v1/products/TEE").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Trail tee, \"merino\"");
        as(key).get().uri("/api/v1/variants/TEE-L").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.low_stock_threshold").isEqualTo(0);

        importCsv(as(key), csv)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.products_unchanged").isEqualTo(1)
                .jsonPath("$.variants_created").isEqualTo(0)
                .jsonPath("$.variants_updated").isEqualTo(0)
                .jsonPath("$.variants_unchanged").isEqualTo(2);

        importCsv(as(key), csv.replace("4006381333931|96385074", "4006381333931"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.variants_updated").isEqualTo(1)
                .jsonPath("$.variants_unchanged").isEqualTo(1);
    }

    @Test
    void tenThousandVariantsImportInOneRequestAndAgainAsJsonChangeNothing() {
        String key = newMerchant("Bulk Bazaar");
        String csv = generatedCsv(1_000, 10);

        long started = System.nanoTime();
        importCsv(as(key), csv)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.products_created").isEqualTo(1_000)
                .jsonPath("$.variants_created").isEqualTo(10_000)
                .jsonPath("$.variants_updated").isEqualTo(0);
        long csvMillis = (System.nanoTime() - started) / 1_000_000;

        Map<String, Object> json = jsonOf(csv);
        started = System.nanoTime();
        as(key).post().uri("/api/v1/catalog/imports").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.products_created").isEqualTo(0)
                .jsonPath("$.products_unchanged").isEqualTo(1_000)
                .jsonPath("$.variants_created").isEqualTo(0)
                .jsonPath("$.variants_updated").isEqualTo(0)
                .jsonPath("$.variants_unchanged").isEqualTo(10_000);
        long jsonMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("catalog import of 10,000 variants over HTTP: CSV (all new) %d ms, JSON again (all unchanged) %d ms%n",
                csvMillis, jsonMillis);

        assertThat(count("SELECT count(*) AS n FROM variants WHERE merchant_id = :m", key)).isEqualTo(10_000);
        assertThat(count("SELECT count(*) AS n FROM variant_barcodes WHERE merchant_id = :m", key)).isEqualTo(10_000);
        as(key).get().uri("/api/v1/variants?gtin={gtin}", gtin13(9_999)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].sku").isEqualTo("P999-V9")
                .jsonPath("$.items[0].alternatives[0]").isEqualTo("P999-V0");
    }

    @Test
    void anInvalidJsonImportNamesEveryProblemAndWritesNothing() {
        String key = newMerchant("Cobalt Cycles");
        Map<String, Object> good = variantJson("BIKE-1", "4006381333931", List.of());
        Map<String, Object> badGtin = variantJson("BIKE-2", "4006381333932", List.of());
        Map<String, Object> unknownAlternative = variantJson("BIKE-3", null, List.of("GHOST"));
        Map<String, Object> negativeWeight = variantJson("BIKE-4", null, List.of());
        negativeWeight.put("weight_g", -1);
        Map<String, Object> duplicate = variantJson("BIKE-1", null, List.of());
        Map<String, Object> body = Map.of("products", List.of(
                Map.of("product_code", "BIKE", "name", "Bike", "variants", List.of(good, badGtin)),
                Map.of("product_code", "WHEEL", "name", "Wheel", "variants", List.of(unknownAlternative, negativeWeight, duplicate))));

        as(key).post().uri("/api/v1/catalog/imports").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[?(@.field == 'products[0].variants[1].gtins[0]')]").exists()
                .jsonPath("$.errors[?(@.field == 'products[1].variants[0].alternatives[0]')]").exists()
                .jsonPath("$.errors[?(@.field == 'products[1].variants[1].weight_g')]").exists()
                .jsonPath("$.errors[?(@.field == 'products[1].variants[2].sku')]").exists();
        assertThat(count("SELECT count(*) AS n FROM products WHERE merchant_id = :m", key)).isZero();
        assertThat(count("SELECT count(*) AS n FROM variants WHERE merchant_id = :m", key)).isZero();
        assertThat(count("SELECT count(*) AS n FROM variant_barcodes WHERE merchant_id = :m", key)).isZero();
    }

    @Test
    void anInvalidCsvNamesRowsAndListsAtMostAHundredProblems() {
        String key = newMerchant("Delta Deli");
        StringBuilder csv = new StringBuilder(HEADER);
        csv.append("JAM,Jam,JAM-1,Jam,4006381333932,heavy,1,1,1,,,,,,\n");
        for (int i = 0; i < 150; i++) {
            csv.append("JAM,Jam,JAM-X").append(i).append(",Jam,,-1,1,1,1,,,,,,\n");
        }
        importCsv(as(key), csv.toString())
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(100)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("152 problems"))
                .jsonPath("$.errors[?(@.field == 'rows[0].weight_g')]").exists()
                .jsonPath("$.errors[?(@.field == 'rows[0].gtins')]").exists()
                .jsonPath("$.errors[?(@.field == 'rows[1].weight_g')]").exists();
        assertThat(count("SELECT count(*) AS n FROM products WHERE merchant_id = :m", key)).isZero();

        importCsv(as(key), HEADER + "JAM,\"Jam,1\n").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        importCsv(as(key), "product_code,sku,colour\n").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("header[2]");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        String key = newMerchant("Echo Electronics");
        String csv = generatedCsv(2, 2);
        String first = importCsv(as(key).mutate().defaultHeader("Idempotency-Key", "catalog-2024-06-01").build(), csv)
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "false")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(first).contains("\"variants_created\":4");
        importCsv(as(key).mutate().defaultHeader("Idempotency-Key", "catalog-2024-06-01").build(), csv)
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).isEqualTo(first);
        importCsv(as(key).mutate().defaultHeader("Idempotency-Key", "catalog-2024-06-01").build(), generatedCsv(3, 2))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/idempotency-key-reused");
        assertThat(count("SELECT count(*) AS n FROM variants WHERE merchant_id = :m", key)).isEqualTo(4);
    }

    private WebTestClient.ResponseSpec importCsv(WebTestClient client, String csv) {
        return client.post().uri("/api/v1/catalog/imports").contentType(CSV).bodyValue(csv).exchange();
    }

    private static Map<String, Object> variantJson(String sku, String gtin, List<String> alternatives) {
        Map<String, Object> variant = new HashMap<>(Map.of("sku", sku, "name", sku, "weight_g", 500, "length_mm", 1000,
                "width_mm", 200, "height_mm", 600, "alternatives", alternatives));
        variant.put("gtins", gtin == null ? List.of() : List.of(gtin));
        return variant;
    }

    /** The same catalog as {@link #generatedCsv}, in the JSON form of an import. */
    private static Map<String, Object> jsonOf(String csv) {
        Map<String, Map<String, Object>> products = new java.util.LinkedHashMap<>();
        for (List<String> row : CsvReader.read(csv).subList(1, CsvReader.read(csv).size())) {
            Map<String, Object> product = products.computeIfAbsent(row.get(0), code -> new HashMap<>(Map.of(
                    "product_code", code, "name", row.get(1), "variants", new ArrayList<Map<String, Object>>())));
            Map<String, Object> variant = new HashMap<>();
            variant.put("sku", row.get(2));
            variant.put("name", row.get(3));
            variant.put("gtins", List.of(row.get(4)));
            variant.put("weight_g", Integer.parseInt(row.get(5)));
            variant.put("length_mm", Integer.parseInt(row.get(6)));
            variant.put("width_mm", Integer.parseInt(row.get(7)));
            variant.put("height_mm", Integer.parseInt(row.get(8)));
            variant.put("lot_tracked", Boolean.parseBoolean(row.get(9)));
            variant.put("expiry_tracked", Boolean.parseBoolean(row.get(10)));
            variant.put("low_stock_threshold", Integer.parseInt(row.get(11)));
            variant.put("alternatives", row.get(12).isEmpty() ? List.of() : List.of(row.get(12)));
            variant.put("attributes", Map.of("size", row.get(13), "colour", row.get(14)));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> variants = (List<Map<String, Object>>) product.get("variants");
            variants.add(variant);
        }
        return Map.of("products", List.copyOf(products.values()));
    }

    private long count(String sql, String key) {
        UUID merchantId = UUID.fromString((String) as(key).get().uri("/api/v1/merchant").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("id"));
        return db.sql(sql).bind("m", merchantId).map(row -> row.get("n", Long.class)).one().block();
    }
}
