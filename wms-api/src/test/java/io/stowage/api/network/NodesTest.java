package io.stowage.api.network;

import static io.stowage.api.network.NetworkFixtures.node;
import static io.stowage.api.network.NetworkFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class NodesTest extends ApiTest {

    /** Node codes are unique across the shared database: this test's end in its own suffix. */
    private final String run = unique("");

    @Test
    void merchantsSeeWarehousesAndTheirOwnStoresOnly() {
        String amber = newMerchant("Amber Apparel");
        String baltic = newMerchant("Baltic Boots");
        String amberId = merchantId(amber);
        String balticId = merchantId(baltic);

        admin().post().uri("/api/v1/nodes").bodyValue(node("WH-VNO" + run, "warehouse", 54.6872, 25.2797)).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.code").isEqualTo("WH-VNO" + run)
                .jsonPath("$.kind").isEqualTo("warehouse")
                .jsonPath("$.address.postal_code").isEqualTo("01103")
                .jsonPath("$.address.country").isEqualTo("LT")
                .jsonPath("$.time_zone").isEqualTo("Europe/Vilnius");
        admin().post().uri("/api/v1/nodes").bodyValue(with(node("ST-AMBER" + run, "store", 54.90, 23.90), "merchant_id", amberId)).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.merchant_id").isEqualTo(amberId);
        admin().post().uri("/api/v1/nodes").bodyValue(with(node("ST-BALTIC" + run, "store", 56.95, 24.10), "merchant_id", balticId)).exchange()
                .expectStatus().isCreated();

        assertThat(mine(codes(admin()))).containsExactly("ST-AMBER" + run, "ST-BALTIC" + run, "WH-VNO" + run);
        assertThat(mine(codes(as(amber)))).containsExactly("ST-AMBER" + run, "WH-VNO" + run);
        assertThat(mine(codes(as(baltic)))).containsExactly("ST-BALTIC" + run, "WH-VNO" + run);

        as(amber).get().uri("/api/v1/nodes/{code}", "ST-AMBER" + run).exchange().expectStatus().isOk();
        as(amber).get().uri("/api/v1/nodes/{code}", "WH-VNO" + run).exchange().expectStatus().isOk();
        as(amber).get().uri("/api/v1/nodes/{code}", "ST-BALTIC" + run).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("Baltic"));

        // Nearest first from Kaunas: the Kaunas store, then Vilnius, then Riga; a merchant never hears of another's store.
        // Other tests' warehouses stand in Vilnius too: ask for all and keep this test's own.
        List<?> nearKaunas = admin().get().uri("/api/v1/nodes/near?latitude=54.8985&longitude=23.9036&limit=500").exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        List<?> nearMine = nearKaunas.stream().filter(n -> nearCode(n).endsWith(run)).toList();
        assertThat(nearMine.stream().map(NodesTest::nearCode).toList())
                .containsExactly("ST-AMBER" + run, "WH-VNO" + run, "ST-BALTIC" + run);
        double toVilnius = ((Number) ((Map<?, ?>) nearMine.get(1)).get("distance_km")).doubleValue();
        assertThat(toVilnius).isBetween(85.0, 95.0);
        as(baltic).get().uri("/api/v1/nodes/near?latitude=54.8985&longitude=23.9036&kind=store").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].node.code").isEqualTo("ST-BALTIC" + run);
    }

    @Test
    void onlyTheAdministratorAddsNodes() {
        String merchant = newMerchant("Sneaky Socks");
        as(merchant).post().uri("/api/v1/nodes").bodyValue(node("WH-SNEAKY" + run, "warehouse", 54.0, 25.0)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        admin().get().uri("/api/v1/nodes/{code}", "WH-SNEAKY" + run).exchange().expectStatus().isNotFound();
    }

    @Test
    void invalidNodesAnswerWithFieldErrorsAndWriteNothing() {
        Map<String, Object> good = node("WH-BAD" + run, "warehouse", 54.0, 25.0);
        Map<String, Object> badCountry = with(good, "address",
                Map.of("line", "Main 1", "city", "Vilnius", "postal_code", "01103", "country", "Lithuania"));
        admin().post().uri("/api/v1/nodes").bodyValue(with(with(badCountry, "latitude", 200), "kind", "depot")).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'address.country')]").exists()
                .jsonPath("$.errors[?(@.field == 'latitude')]").exists()
                .jsonPath("$.errors[?(@.field == 'kind')]").exists();
        admin().post().uri("/api/v1/nodes").bodyValue(with(good, "time_zone", "Europe/Atlantis")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("time_zone");
        admin().post().uri("/api/v1/nodes").bodyValue(with(good, "address",
                        Map.of("line", "Main 1", "city", "Nowhere", "postal_code", "1", "country", "XX"))).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("address.country");
        admin().post().uri("/api/v1/nodes").bodyValue(with(good, "merchant_id", merchantId(newMerchant("Warehouse Owner")))).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("merchant_id");
        admin().post().uri("/api/v1/nodes").bodyValue(with(node("ST-GHOST" + run, "store", 54.0, 25.0), "merchant_id",
                        "00000000-0000-0000-0000-000000000001")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("merchant_id");
        assertThat(codes(admin())).doesNotContain("WH-BAD" + run, "ST-GHOST" + run);

        admin().post().uri("/api/v1/nodes").bodyValue(good).exchange().expectStatus().isCreated();
        admin().post().uri("/api/v1/nodes").bodyValue(with(good, "name", "Another")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/node-exists");
        admin().get().uri("/api/v1/nodes/{code}", "WH-BAD" + run).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Node WH-BAD" + run);
    }

    @Test
    void nodeListsArePagedByCodeWithoutGapsOrRepeats() {
        for (String code : List.of("P-3", "P-1", "P-2")) {
            admin().post().uri("/api/v1/nodes").bodyValue(node(code + run, "warehouse", 50, 10)).exchange().expectStatus().isCreated();
        }
        List<String> paged = new ArrayList<>();
        String after = "";
        int pages = 0;
        do {
            Map<?, ?> page = admin().get().uri("/api/v1/nodes?limit=2&after={after}", after).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            ((List<?>) page.get("items")).forEach(n -> paged.add(String.valueOf(((Map<?, ?>) n).get("code"))));
            assertThat((List<?>) page.get("items")).hasSizeLessThanOrEqualTo(2);
            after = (String) page.get("next_cursor");
            pages++;
        } while (after != null);
        assertThat(paged).isSorted().doesNotHaveDuplicates().containsSubsequence("P-1" + run, "P-2" + run, "P-3" + run);
        assertThat(paged).containsExactlyElementsOf(codes(admin()));
        assertThat(pages).isEqualTo((paged.size() + 1) / 2);
    }

    private String merchantId(String apiKey) {
        return (String) as(apiKey).get().uri("/api/v1/merchant").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /** Every node code the client may see, the list paged to its end. */
    private static List<String> codes(WebTestClient client) {
        List<String> codes = new ArrayList<>();
        String after = "";
        do {
            Map<?, ?> page = client.get().uri("/api/v1/nodes?limit=500&after={after}", after).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            ((List<?>) page.get("items")).forEach(n -> codes.add(String.valueOf(((Map<?, ?>) n).get("code"))));
            after = (String) page.get("next_cursor");
        } while (after != null);
        return codes;
    }

    private List<String> mine(List<String> codes) {
        return codes.stream().filter(code -> code.endsWith(run)).toList();
    }

    private static String nearCode(Object nearby) {
        return String.valueOf(((Map<?, ?>) ((Map<?, ?>) nearby).get("node")).get("code"));
    }
}
