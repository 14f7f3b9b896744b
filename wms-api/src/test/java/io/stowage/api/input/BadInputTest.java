package io.stowage.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Input the database cannot hold, or that only fits after a silent conversion, is refused as a
 * problem before anything is written: NUL in any string (body, CSV cell, path, query, cursor),
 * fractions and out-of-range numbers where whole units go, numbers where an enum's name goes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends ApiTest {

    static final String NUL = "\u0000";
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    World world;

    @BeforeAll
    void world() {
        world = World.create(this);
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", "bad-input-stock-" + UUID.randomUUID())
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 5, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
    }

    /** A write route and a request to it that carries NUL in one string field. */
    record NulWrite(String route, Function<BadInputTest, WebTestClient.RequestHeadersSpec<?>> request) {
        @Override
        public String toString() {
            return route;
        }
    }

    static Stream<Arguments> nulWrites() {
        return Stream.of(
                new NulWrite("POST /api/v1/orders", t -> t.world.merchant(t).post().uri("/api/v1/orders").header("Idempotency-Key", key())
                        .bodyValue(Map.of("customer", Map.of("name", "Ona" + NUL, "email", "ona@example.com",
                                        "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius", "postal_code", "01103", "country", "LT")),
                                "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1)), "service_level", "standard", "channel", "web"))),
                new NulWrite("POST /api/v1/catalog/imports (JSON)", t -> t.world.merchant(t).post().uri("/api/v1/catalog/imports")
                        .header("Idempotency-Key", key()).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("products", List.of(Map.of("product_code", "NULJ", "name", "Nul" + NUL + "shirt",
                                "variants", List.of(variant("NULJ-1"))))))),
                new NulWrite("POST /api/v1/catalog/imports (CSV)", t -> t.world.merchant(t).post().uri("/api/v1/catalog/imports")
                        .header("Idempotency-Key", key()).contentType(CSV)
                        .bodyValue("product_code,product_name,sku,variant_name,gtins,weight_g,length_mm,width_mm,height_mm\n"
                                + "NULC,Nul" + NUL + "shirt,NULC-1,Nul shirt,,100,10,10,10\n")),
                new NulWrite("POST /api/v1/nodes/{code}/locations", t -> t.admin().post().uri("/api/v1/nodes/{code}/locations", t.world.node)
                        .bodyValue(Map.of("locations", List.of(Map.of("code", "NUL-01", "type", "reserve", "zone_code", "Z" + NUL,
                                "x_mm", 0, "y_mm", 0))))),
                new NulWrite("POST /api/v1/nodes/{code}/zones", t -> t.admin().post().uri("/api/v1/nodes/{code}/zones", t.world.node)
                        .bodyValue(Map.of("code", "NULZ", "name", "Cold" + NUL + "room"))),
                new NulWrite("POST /api/v1/asns", t -> t.world.merchant(t).post().uri("/api/v1/asns").header("Idempotency-Key", key())
                        .bodyValue(Map.of("reference", "ASN-NUL", "node_code", t.world.node, "supplier", "Acme" + NUL,
                                "expected_on", "2030-01-01", "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1))))),
                new NulWrite("POST /api/v1/receipts", t -> t.world.worker(t).post().uri("/api/v1/receipts").header("Idempotency-Key", key())
                        .bodyValue(Map.of("merchant_id", t.world.merchantId, "sku", "TEE-M-NAVY", "quantity", 1, "location_code", "DOCK-1",
                                "lot_number", "L" + NUL))),
                new NulWrite("POST /api/v1/moves", t -> t.world.worker(t).post().uri("/api/v1/moves").header("Idempotency-Key", key())
                        .bodyValue(Map.of("merchant_id", t.world.merchantId, "sku", "TEE-M-NAVY", "quantity", 1,
                                "from_location_code", "DOCK-1", "to_location_code", "A-01-01" + NUL))),
                new NulWrite("POST /api/v1/adjustments", t -> t.world.worker(t).post().uri("/api/v1/adjustments").header("Idempotency-Key", key())
                        .bodyValue(Map.of("merchant_id", t.world.merchantId, "sku", "TEE-M-NAVY", "location_code", "DOCK-1",
                                "quantity_change", -1, "reason", "lost", "note", "gone" + NUL))),
                new NulWrite("PUT /api/v1/products/{code}", t -> t.world.merchant(t).put().uri("/api/v1/products/{code}", "TEE")
                        .bodyValue(Map.of("name", "Linen tee", "description", "Soft" + NUL,
                                "variants", List.of(variant("TEE-M-NAVY"))))),
                new NulWrite("PUT /api/v1/products/{code} (attribute key)", t -> t.world.merchant(t).put().uri("/api/v1/products/{code}", "TEE")
                        .bodyValue(Map.of("name", "Linen tee", "variants", List.of(Map.of("sku", "TEE-M-NAVY", "name", "Tee",
                                "attributes", Map.of("size" + NUL, "M"), "weight_g", 1, "length_mm", 1, "width_mm", 1, "height_mm", 1))))),
                new NulWrite("GET /api/v1/products/{code} (path)", t -> t.world.merchant(t).get().uri("/api/v1/products/TEE%00X")),
                new NulWrite("GET /api/v1/variants?after= (query)", t -> t.world.merchant(t).get().uri("/api/v1/variants?after=%00")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nulWrites")
    void nulInAnyStringIsAProblemAndChangesNothing(NulWrite write) {
        String before = state();
        write.request().apply(this).exchange()
                .expectStatus().value(status -> assertThat(status).as(write.route()).isIn(400, 422))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isNotEmpty();
        assertThat(state()).as("nothing changed by " + write.route()).isEqualTo(before);
    }

    @Test
    void aCursorThatDecodesToNulBytesIsAProblem() {
        String nulCursor = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {0, 0, 0});
        String invalidUtf8 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xc3, 0x28});
        for (String uri : List.of("/api/v1/orders", "/api/v1/variants", "/api/v1/products", "/api/v1/asns", "/api/v1/stock/movements")) {
            for (String cursor : List.of(nulCursor, invalidUtf8)) {
                world.merchant(this).get().uri(uri + "?after=" + cursor).exchange()
                        .expectStatus().isEqualTo(422)
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.errors[0].field").isEqualTo("after");
            }
        }
        admin().get().uri("/api/v1/nodes/{code}/locations?after=" + nulCursor, world.node).exchange().expectStatus().isEqualTo(422);
    }

    @Test
    void aFractionalQuantityIsRefusedNotRounded() {
        String before = state();
        order(1.5).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity");
        order("1").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity");
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", key())
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 2.5, "location_code", "DOCK-1"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void quantitiesAboveTheLineMaximumOrOutsideAnIntAreRefused() {
        String before = state();
        order(2_147_483_647).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity");
        order(LineQuantity.MAX + 1).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity");
        order(3_000_000_000L).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity");
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", key())
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", LineQuantity.MAX + 1, "location_code", "DOCK-1"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        world.worker(this).post().uri("/api/v1/adjustments").header("Idempotency-Key", key())
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "location_code", "DOCK-1",
                        "quantity_change", -(LineQuantity.MAX + 1), "reason", "lost"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity_change");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anEnumIsItsNameNeverItsPosition() {
        String before = state();
        for (Object reason : List.of(5, 0, "5")) {
            world.worker(this).post().uri("/api/v1/adjustments").header("Idempotency-Key", key())
                    .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "location_code", "DOCK-1",
                            "quantity_change", -1, "reason", reason))
                    .exchange().expectStatus().isEqualTo(422)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aNumberIsNotTextAndTextIsNotABoolean() {
        world.merchant(this).put().uri("/api/v1/products/{code}", "NUMNAME").bodyValue(Map.of("name", 12345,
                        "variants", List.of(variant("NUMNAME-1"))))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        Map<String, Object> variant = new java.util.HashMap<>(variant("BOOL-1"));
        variant.put("lot_tracked", "yes");
        world.merchant(this).put().uri("/api/v1/products/{code}", "BOOL").bodyValue(Map.of("name", "Bool", "variants", List.of(variant)))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("variants[0].lot_tracked");
        world.merchant(this).get().uri("/api/v1/products/{code}", "NUMNAME").exchange().expectStatus().isNotFound();
        world.merchant(this).get().uri("/api/v1/products/{code}", "BOOL").exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec order(Object quantity) {
        return world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", key())
                .bodyValue(Map.of("customer", Map.of("name", "Ona", "email", "ona@example.com",
                                "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius", "postal_code", "01103", "country", "LT")),
                        "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", quantity)), "service_level", "standard", "channel", "web"))
                .exchange();
    }

    /** What a merchant, the admin and the warehouse can read of this world: any write shows up here. */
    private String state() {
        StringBuilder state = new StringBuilder();
        for (String uri : List.of("/api/v1/orders", "/api/v1/products", "/api/v1/variants", "/api/v1/asns", "/api/v1/stock/movements",
                "/api/v1/stock/balances?sku=TEE-M-NAVY", "/api/v1/availability?sku=TEE-M-NAVY")) {
            state.append(uri).append('=').append(body(world.merchant(this).get().uri(uri))).append('\n');
        }
        for (String uri : List.of("/api/v1/nodes/{code}/locations", "/api/v1/nodes/{code}/zones")) {
            state.append(uri).append('=').append(body(admin().get().uri(uri, world.node))).append('\n');
        }
        return state.toString();
    }

    private static String body(WebTestClient.RequestHeadersSpec<?> request) {
        byte[] body = request.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    static Map<String, Object> variant(String sku) {
        return Map.of("sku", sku, "name", "Tee", "weight_g", 180, "length_mm", 300, "width_mm", 250, "height_mm", 20);
    }

    static String key() {
        return "bad-input-" + UUID.randomUUID();
    }
}
