package io.stowage.api.boxes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Box types through the API, the suggestions they give, packaging stock, and bad input refused with nothing changed. */
class BoxTypesTest extends ApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    BoxSuggestions suggestions;

    @Autowired
    PackagingStock packagingStock;

    @Autowired
    io.stowage.api.network.Network network;

    private static Map<String, Object> box(String name, int l, int w, int h, int tare, int maxWeight, long cost) {
        Map<String, Object> box = new HashMap<>(Map.of("name", name, "inner_length_mm", l, "inner_width_mm", w, "inner_height_mm", h,
                "tare_grams", tare, "max_weight_grams", maxWeight, "cost_minor", cost, "currency", "EUR"));
        box.put("max_fill_percent", 90);
        return box;
    }

    private static void putBox(WebTestClient client, String code, Map<String, Object> box, int status) {
        client.put().uri("/api/v1/box-types/{code}", code).bodyValue(box).exchange().expectStatus().isEqualTo(status);
    }

    private void catalog(World world) {
        world.merchant(this).put().uri("/api/v1/products/{code}", "HOME").bodyValue(Map.of("name", "Home goods", "variants", List.of(
                        Map.of("sku", "MUG", "name", "Mug", "weight_g", 350, "length_mm", 120, "width_mm", 90, "height_mm", 100, "fragile", true),
                        Map.of("sku", "LAMP", "name", "Floor lamp", "weight_g", 4200, "length_mm", 1200, "width_mm", 300, "height_mm", 300,
                                "ships_separately", true))))
                .exchange().expectStatus().is2xxSuccessful();
    }

    @Test
    void theCheapestBoxesComeFirstFragileApartAndAShipsSeparatelyUnitInItsOwnPackaging() {
        World world = World.create(this);
        catalog(world);
        WebTestClient merchant = world.merchant(this);
        putBox(merchant, "S", box("Small", 320, 260, 60, 90, 3_000, 45), 201);
        putBox(merchant, "M", box("Medium", 400, 300, 200, 250, 10_000, 95), 201);

        merchant.get().uri("/api/v1/variants/MUG").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.fragile").isEqualTo(true).jsonPath("$.ships_separately").isEqualTo(false);

        // Two tees lie flat in S (300 x 250 x 20 each); the mug is fragile, so it gets its own box (M: it stands 90 mm, S is 60 mm
        // high); the lamp ships as it is.
        Map<String, Object> answer = merchant.get().uri("/api/v1/box-suggestions?item=TEE-M-NAVY:2&item=MUG&item=LAMP")
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        List<Map<String, Object>> choices = list(answer.get("choices"));
        Map<String, Object> cheapest = choices.get(0);
        assertThat(cheapest.get("total_cost_minor")).isEqualTo(45 + 95);
        assertThat(cheapest.get("currency")).isEqualTo("EUR");
        List<Map<String, Object>> cartons = list(cheapest.get("cartons"));
        assertThat(cartons).extracting(carton -> carton.get("box_type_code")).containsExactly("S", "M", null);
        assertThat(cartons.get(0).get("expected_weight_grams")).isEqualTo(90 + 2 * 180);
        assertThat(cartons.get(2)).containsEntry("length_mm", 1200).containsEntry("expected_weight_grams", 4200).containsEntry("tare_grams", 0);
        assertThat(choices).extracting(choice -> choice.get("total_cost_minor")).isSortedAccordingTo(
                (a, b) -> Long.compare(((Number) a).longValue(), ((Number) b).longValue()));
    }

    @Test
    void aMerchantSeesThe3plBoxesChangesOnlyItsOwnAndItsOwnCodeShadowsThe3plOne() {
        World world = World.create(this);
        WebTestClient merchant = world.merchant(this);
        String shared = unique("3PL");
        // Dear, so that other tests on this database never get it as their cheapest box.
        admin().put().uri("/api/v1/admin/box-types/{code}", shared).bodyValue(box("3PL mailer", 350, 260, 40, 60, 2_000, 90_000))
                .exchange().expectStatus().isCreated();
        try {
            merchant.get().uri("/api/v1/box-types/{code}", shared).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.shared").isEqualTo(true).jsonPath("$.cost_minor").isEqualTo(90_000);
            merchant.delete().uri("/api/v1/box-types/{code}", shared).exchange().expectStatus().isNotFound();

            putBox(merchant, shared, box("Own mailer", 350, 260, 40, 60, 2_000, 30), 201);
            merchant.get().uri("/api/v1/box-types/{code}", shared).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.shared").isEqualTo(false).jsonPath("$.cost_minor").isEqualTo(30);
            assertThat(codes(merchant, "/api/v1/box-types?limit=500")).containsOnlyOnce(shared);
            admin().get().uri("/api/v1/admin/box-types/{code}", shared).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.cost_minor").isEqualTo(90_000);

            // The 3PL's box stock is the admin's to keep, at any node; not a merchant's, nor a worker's.
            String otherNode = World.create(this).node;
            adjustShared(admin(), shared, world.node, 40).expectStatus().isOk().expectBody().jsonPath("$.on_hand").isEqualTo(40);
            adjustShared(admin(), shared, otherNode, 10).expectStatus().isOk();
            adjustShared(world.worker(this), shared, world.node, 40).expectStatus().isForbidden();
            adjustShared(merchant, shared, world.node, 40).expectStatus().isForbidden();
            merchant.put().uri("/api/v1/admin/box-types/{code}", shared).bodyValue(box("Mine now", 350, 260, 40, 60, 2_000, 1))
                    .exchange().expectStatus().isForbidden();
            admin().get().uri("/api/v1/admin/box-types/{code}", shared).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.name").isEqualTo("3PL mailer").jsonPath("$.stock.length()").isEqualTo(2);
        } finally {
            admin().delete().uri("/api/v1/admin/box-types/{code}", shared).exchange().expectStatus().isNoContent();
        }
        admin().get().uri("/api/v1/admin/box-types/{code}", shared).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.active").isEqualTo(false);

        // Retired, the merchant's own box is no longer offered; put again, it is back.
        merchant.delete().uri("/api/v1/box-types/{code}", shared).exchange().expectStatus().isNoContent();
        merchant.get().uri("/api/v1/box-types/{code}", shared).exchange().expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
        assertThat(codes(merchant, "/api/v1/box-types?limit=500")).doesNotContain(shared);
        putBox(merchant, shared, box("Own mailer", 350, 260, 40, 60, 2_000, 30), 200);
        assertThat(codes(merchant, "/api/v1/box-types?limit=500")).containsOnlyOnce(shared);
    }

    private WebTestClient.ResponseSpec adjustShared(WebTestClient client, String code, String node, int quantity) {
        return client.post().uri("/api/v1/admin/box-types/{code}/stock-adjustments", code).header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("node_code", node, "reason", "received", "quantity", quantity)).exchange();
    }

    @Test
    void badBoxTypesAreRefusedAndNothingChanges() {
        World world = World.create(this);
        WebTestClient merchant = world.merchant(this);
        putBox(merchant, "M", box("Medium", 400, 300, 200, 250, 10_000, 95), 201);

        Map<String, Object> negative = box("Broken", -400, 300, 200, 250, 10_000, 95);
        merchant.put().uri("/api/v1/box-types/{code}", "NEG").bodyValue(negative).exchange()
                .expectStatus().isEqualTo(422).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == 'inner_length_mm')]").exists();
        merchant.get().uri("/api/v1/box-types/NEG").exchange().expectStatus().isNotFound();

        // A box that cannot even carry itself: the maximum weight counts the tare.
        merchant.put().uri("/api/v1/box-types/{code}", "M").bodyValue(box("Medium", 400, 300, 200, 250, 250, 95)).exchange()
                .expectStatus().isEqualTo(422).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("max_weight_grams");
        Map<String, Object> badCurrency = box("Medium", 400, 300, 200, 250, 10_000, 95);
        badCurrency.put("currency", "euro");
        merchant.put().uri("/api/v1/box-types/{code}", "M").bodyValue(badCurrency).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("currency");
        merchant.put().uri("/api/v1/box-types/{code}", "not a code").bodyValue(box("Medium", 400, 300, 200, 250, 10_000, 95)).exchange()
                .expectStatus().isEqualTo(422);
        merchant.get().uri("/api/v1/box-types/M").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.max_weight_grams").isEqualTo(10_000).jsonPath("$.currency").isEqualTo("EUR");

        // Another merchant's box is not found for reading, retiring or stock, and stays as it was.
        WebTestClient other = as(newMerchant("Other boxes"));
        other.get().uri("/api/v1/box-types/M").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        other.delete().uri("/api/v1/box-types/M").exchange().expectStatus().isNotFound();
        other.post().uri("/api/v1/box-types/M/stock-adjustments").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("node_code", world.node, "reason", "received", "quantity", 10)).exchange().expectStatus().isNotFound();
        merchant.get().uri("/api/v1/box-types/M").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.active").isEqualTo(true).jsonPath("$.stock").isEmpty();

        // Units a suggestion cannot be made for.
        merchant.get().uri("/api/v1/box-suggestions?item=NO-SUCH-SKU").exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("item");
        merchant.get().uri("/api/v1/box-suggestions?item=TEE-M-NAVY:0").exchange().expectStatus().isEqualTo(422);
    }

    @Test
    void packagingStockIsReceivedCountedAndWrittenOffAndAnEmptyBoxIsNoLongerSuggestedThere() {
        World world = World.create(this);
        WebTestClient merchant = world.merchant(this);
        putBox(merchant, "S", box("Small", 320, 260, 60, 90, 3_000, 45), 201);
        putBox(merchant, "M", box("Medium", 400, 300, 200, 250, 10_000, 95), 201);

        adjust(merchant, "S", world.node, "received", 100).expectStatus().isOk().expectBody().jsonPath("$.on_hand").isEqualTo(100);
        adjust(merchant, "S", world.node, "damaged", 4).expectStatus().isOk().expectBody().jsonPath("$.on_hand").isEqualTo(96);
        adjust(merchant, "S", world.node, "counted", 0).expectStatus().isOk().expectBody().jsonPath("$.on_hand").isEqualTo(0);
        merchant.get().uri("/api/v1/box-types/S").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.stock[0].node_code").isEqualTo(world.node).jsonPath("$.stock[0].on_hand").isEqualTo(0);

        assertThat(firstCodes(merchant, "/api/v1/box-suggestions?item=TEE-M-NAVY")).containsExactly("S");
        assertThat(firstCodes(merchant, "/api/v1/box-suggestions?item=TEE-M-NAVY&node_code=" + world.node)).containsExactly("M");

        adjust(merchant, "S", world.node, "received", 0).expectStatus().isEqualTo(422);
        adjust(merchant, "S", "NO-SUCH-NODE", "received", 5).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("node_code");
        merchant.post().uri("/api/v1/box-types/S/stock-adjustments")
                .bodyValue(Map.of("node_code", world.node, "reason", "received", "quantity", 5)).exchange()
                .expectStatus().isEqualTo(422);
        merchant.get().uri("/api/v1/box-types/S").exchange().expectStatus().isOk().expectBody().jsonPath("$.stock[0].on_hand").isEqualTo(0);
    }

    @Test
    void aClosedCartonTakesItsBoxFromTheNodesStockOnceAndOnlyWhereTheBoxIsCounted() {
        World world = World.create(this);
        WebTestClient merchant = world.merchant(this);
        putBox(merchant, "S", box("Small", 320, 260, 60, 90, 3_000, 45), 201);
        putBox(merchant, "M", box("Medium", 400, 300, 200, 250, 10_000, 95), 201);
        adjust(merchant, "S", world.node, "received", 2).expectStatus().isOk();
        UUID merchantId = UUID.fromString(world.merchantId);
        UUID nodeId = network.node(world.node).block().id();
        UUID firstCarton = UUID.randomUUID();

        packagingStock.takeForCarton(merchantId, nodeId, "S", firstCarton, "worker:test").block();
        packagingStock.takeForCarton(merchantId, nodeId, "S", firstCarton, "worker:test").block();
        merchant.get().uri("/api/v1/box-types/S").exchange().expectStatus().isOk().expectBody().jsonPath("$.stock[0].on_hand").isEqualTo(1);

        // Used beyond the count: the close is not refused, the stock says a count is due.
        packagingStock.takeForCarton(merchantId, nodeId, "S", UUID.randomUUID(), "worker:test").block();
        packagingStock.takeForCarton(merchantId, nodeId, "S", UUID.randomUUID(), "worker:test").block();
        merchant.get().uri("/api/v1/box-types/S").exchange().expectStatus().isOk().expectBody().jsonPath("$.stock[0].on_hand").isEqualTo(-1);

        // The node does not count M, and a unit in its own packaging takes no box.
        packagingStock.takeForCarton(merchantId, nodeId, "M", UUID.randomUUID(), "worker:test").block();
        packagingStock.takeForCarton(merchantId, nodeId, null, UUID.randomUUID(), "worker:test").block();
        merchant.get().uri("/api/v1/box-types/M").exchange().expectStatus().isOk().expectBody().jsonPath("$.stock").isEmpty();

        merchant.get().uri("/api/v1/box-types/S/stock-movements?limit=2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].reason").isEqualTo("carton_closed").jsonPath("$.items[0].on_hand_after").isEqualTo(-1)
                .jsonPath("$.items[0].node_code").isEqualTo(world.node).jsonPath("$.next_cursor").exists();
        Map<String, Object> first = merchant.get().uri("/api/v1/box-types/S/stock-movements").exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        List<Map<String, Object>> all = list(first.get("items"));
        assertThat(all).extracting(movement -> movement.get("reason")).containsExactly("carton_closed", "carton_closed", "carton_closed", "received");
        assertThat(all.get(2)).containsEntry("carton_id", firstCarton.toString()).containsEntry("actor", "worker:test").containsEntry("delta", -1);

        assertThatThrownBy(() -> packagingStock.takeForCarton(merchantId, nodeId, "NO-SUCH-BOX", UUID.randomUUID(), "worker:test").block())
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.fieldProblems())
                        .extracting(ApiProblem.FieldProblem::field).containsExactly("box_type_code"));
    }

    @Test
    void theWeightCheckAllowsAToleranceAndAScannedBoxTooSmallForTheUnitsIsRefused() {
        World world = World.create(this);
        putBox(world.merchant(this), "S", box("Small", 320, 260, 60, 90, 3_000, 45), 201);
        UUID merchantId = UUID.fromString(world.merchantId);
        UUID tee = UUID.randomUUID();
        List<UnitShape> twoTees = List.of(new UnitShape(tee, 300, 250, 20, 180, false, false), new UnitShape(tee, 300, 250, 20, 180, false, false));

        // Expected 90 + 360 = 450 g; the tolerance is the larger of 5 % and 30 g.
        assertThat(suggestions.checkWeight(merchantId, "S", twoTees, 478).block())
                .isEqualTo(new WeightCheck(450, 478, 30, true));
        assertThat(suggestions.checkWeight(merchantId, "S", twoTees, 640).block().withinTolerance()).isFalse();
        assertThat(suggestions.checkWeight(merchantId, null, twoTees, 360).block()).isEqualTo(new WeightCheck(360, 360, 30, true));
        assertThatThrownBy(() -> suggestions.checkWeight(merchantId, "NOPE", twoTees, 450).block())
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.problemType()).isEqualTo(ProblemType.NOT_FOUND));

        suggestions.requireFits(merchantId, "S", twoTees).block();
        List<UnitShape> poster = List.of(new UnitShape(tee, 900, 80, 80, 300, false, false));
        assertThatThrownBy(() -> suggestions.requireFits(merchantId, "S", poster).block())
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.problemType()).isEqualTo(ProblemType.BOX_TOO_SMALL);
                    assertThat(problem.getMessage()).contains("900 x 80 x 80");
                });
        List<UnitShape> negative = List.of(new UnitShape(tee, -1, 250, 20, 180, false, false));
        assertThatThrownBy(() -> suggestions.suggest(merchantId, negative).block())
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.fieldProblems())
                        .extracting(ApiProblem.FieldProblem::field).containsExactly("units[0].length_mm"));
    }

    private WebTestClient.ResponseSpec adjust(WebTestClient client, String code, String node, String reason, int quantity) {
        return client.post().uri("/api/v1/box-types/{code}/stock-adjustments", code).header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("node_code", node, "reason", reason, "quantity", quantity)).exchange();
    }

    private List<Object> firstCodes(WebTestClient client, String uri) {
        Map<String, Object> answer = client.get().uri(uri).exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        return list(list(answer.get("choices")).get(0).get("cartons")).stream().map(carton -> carton.get("box_type_code")).toList();
    }

    private List<Object> codes(WebTestClient client, String uri) {
        Map<String, Object> page = client.get().uri(uri).exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        return list(page.get("items")).stream().map(item -> item.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
