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

    @Test
    void merchantsSeeWarehousesAndTheirOwnStoresOnly() {
        String amber = newMerchant("Amber Apparel");
        String baltic = newMerchant("Baltic Boots");
        String amberId = merchantId(amber);
        String balticId = merchantId(baltic);

        admin().post().uri("/api/v1/nodes").bodyValue(node("WH-VNO", "warehouse", 54.6872, 25.2797)).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.code").isEqualTo("WH-VNO")
                .jsonPath("$.kind").isEqualTo("warehouse")
                .jsonPath("$.address.postal_code").isEqualTo("01103")
                .jsonPath("$.address.country").isEqualTo("LT")
                .jsonPath("$.time_zone").isEqualTo("Europe/Vilnius");
        admin().post().uri("/api/v1/nodes").bodyValue(with(node("ST-AMBER", "store", 54.90, 23.90), "merchant_id", amberId)).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.merchant_id").isEqualTo(amberId);
        admin().post().uri("/api/v1/nodes").bodyValue(with(node("ST-BALTIC", "store", 56.95, 24.10), "merchant_id", balticId)).exchange()
                .expectStatus().isCreated();

        assertThat(codes(admin())).containsExactly("ST-AMBER", "ST-BALTIC", "WH-VNO");
        assertThat(codes(as(amber))).containsExactly("ST-AMBER", "WH-VNO");
        assertThat(codes(as(baltic))).containsExactly("ST-BALTIC", "WH-VNO");

        as(amber).get().uri("/api/v1/nodes/ST-AMBER").exchange().expectStatus().isOk();
        as(amber).get().uri("/api/v1/nodes/WH-VNO").exchange().expectStatus().isOk();
        as(amber).get().uri("/api/v1/nodes/ST-BALTIC").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("Baltic"));

        // Nearest first from Kaunas: the Kaunas store, then Vilnius, then Riga; a merchant never hears of another's store.
        List<?> nearKaunas = admin().get().uri("/api/v1/nodes/near?latitude=54.8985&longitude=23.9036").exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(nearKaunas.stream().map(n -> String.valueOf(((Map<?, ?>) ((Map<?, ?>) n).get("node")).get("code"))).toList())
                .containsExactly("ST-AMBER", "WH-VNO", "ST-BALTIC");
        double toVilnius = ((Number) ((Map<?, ?>) nearKaunas.get(1)).get("distance_km")).doubleValue();
        assertThat(toVilnius).isBetween(85.0, 95.0);
        as(baltic).get().uri("/api/v1/nodes/near?latitude=54.8985&longitude=23.9036&kind=store").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].node.code").isEqualTo("ST-BALTIC");
    }

    @Test
    void onlyTheAdministratorAddsNodes() {
        String merchant = newMerchant("Sneaky Socks");
        as(merchant).post().uri("/api/v1/nodes").bodyValue(node("WH-SNEAKY", "warehouse", 54.0, 25.0)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        admin().get().uri("/api/v1/nodes/WH-SNEAKY").exchange().expectStatus().isNotFound();
    }

    @Test
    void invalidNodesAnswerWithFieldErrorsAndWriteNothing() {
        Map<String, Object> good = node("WH-BAD", "warehouse", 54.0, 25.0);
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
        admin().post().uri("/api/v1/nodes").bodyValue(with(node("ST-GHOST", "store", 54.0, 25.0), "merchant_id",
                        "00000000-0000-0000-0000-000000000001")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("merchant_id");
        assertThat(codes(admin())).doesNotContain("WH-BAD", "ST-GHOST");

        admin().post().uri("/api/v1/nodes").bodyValue(good).exchange().expectStatus().isCreated();
        admin().post().uri("/api/v1/nodes").bodyValue(with(good, "name", "Another")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/node-exists");
        admin().get().uri("/api/v1/nodes/WH-BAD").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Node WH-BAD");
    }

    @Test
    void nodeListsArePagedByCodeWithoutGapsOrRepeats() {
        for (String code : List.of("P-3", "P-1", "P-2")) {
            admin().post().uri("/api/v1/nodes").bodyValue(node(code, "warehouse", 50, 10)).exchange().expectStatus().isCreated();
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
        assertThat(paged).isSorted().doesNotHaveDuplicates().containsSubsequence("P-1", "P-2", "P-3");
        assertThat(paged).containsExactlyElementsOf(codes(admin()));
        assertThat(pages).isEqualTo((paged.size() + 1) / 2);
    }

    private String merchantId(String apiKey) {
        return (String) as(apiKey).get().uri("/api/v1/merchant").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static List<String> codes(WebTestClient client) {
        Map<?, ?> page = client.get().uri("/api/v1/nodes").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(n -> String.valueOf(((Map<?, ?>) n).get("code"))).toList();
    }
}
