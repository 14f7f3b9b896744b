package io.stowage.api.slips;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The merchant's insert rules over HTTP: create, read, replace, delete, and bad input refused with nothing changed. */
@SuppressWarnings("unchecked")
class InsertRulesTest extends ApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final String INVALID = "https://stowage.io/problems/invalid-request";

    @Test
    void aMerchantKeepsItsRules() {
        World world = World.create(this);
        WebTestClient merchant = world.merchant(this);

        Map<String, Object> gift = merchant.post().uri("/api/v1/insert-rules")
                .bodyValue(Map.of("kind", "nth_order", "sku", "TEE-S-SAND", "nth_order", 3, "description", "A tee on the third order"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        assertThat(gift).containsEntry("kind", "nth_order").containsEntry("sku", "TEE-S-SAND").containsEntry("quantity", 1)
                .containsEntry("nth_order", 3).containsEntry("once_per", "order").containsEntry("active", true);
        Map<String, Object> leaflet = merchant.post().uri("/api/v1/insert-rules")
                .bodyValue(Map.of("kind", "channel", "sku", "TEE-L-NAVY", "channel", "instagram", "once_per", "carton", "quantity", 2))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        assertThat(leaflet).containsEntry("channel", "instagram").containsEntry("once_per", "carton").containsEntry("quantity", 2);

        assertThat(rules(merchant)).extracting(rule -> rule.get("id")).containsExactly(gift.get("id"), leaflet.get("id"));

        merchant.put().uri("/api/v1/insert-rules/{id}", gift.get("id"))
                .bodyValue(Map.of("kind", "first_order", "sku", "TEE-S-SAND", "channel", "web", "active", false))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.kind").isEqualTo("first_order").jsonPath("$.channel").isEqualTo("web")
                .jsonPath("$.active").isEqualTo(false).jsonPath("$.nth_order").doesNotExist();
        merchant.get().uri("/api/v1/insert-rules/{id}", gift.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.kind").isEqualTo("first_order");

        merchant.delete().uri("/api/v1/insert-rules/{id}", leaflet.get("id")).exchange().expectStatus().isNoContent();
        merchant.get().uri("/api/v1/insert-rules/{id}", leaflet.get("id")).exchange().expectStatus().isNotFound();
        assertThat(rules(merchant)).extracting(rule -> rule.get("id")).containsExactly(gift.get("id"));

        // Another merchant sees none of it, and cannot change or delete it.
        World other = World.create(this);
        other.merchant(this).get().uri("/api/v1/insert-rules/{id}", gift.get("id")).exchange().expectStatus().isNotFound();
        other.merchant(this).put().uri("/api/v1/insert-rules/{id}", gift.get("id"))
                .bodyValue(Map.of("kind", "first_order", "sku", "TEE-S-SAND")).exchange().expectStatus().isNotFound();
        other.merchant(this).delete().uri("/api/v1/insert-rules/{id}", gift.get("id")).exchange().expectStatus().isNotFound();
        assertThat(rules(other.merchant(this))).isEmpty();
        assertThat(rules(merchant)).hasSize(1);
    }

    @Test
    void badRulesAreRefusedWithNothingChanged() {
        World world = World.create(this);
        WebTestClient merchant = world.merchant(this);
        Map<String, Object> rule = merchant.post().uri("/api/v1/insert-rules")
                .bodyValue(Map.of("kind", "first_order", "sku", "TEE-S-SAND"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();

        refused(merchant, Map.of("kind", "nth_order", "sku", "TEE-S-SAND"), "nth_order");
        refused(merchant, Map.of("kind", "first_order", "sku", "TEE-S-SAND", "nth_order", 4), "nth_order");
        refused(merchant, Map.of("kind", "channel", "sku", "TEE-S-SAND"), "channel");
        refused(merchant, Map.of("kind", "channel", "sku", "TEE-S-SAND", "channel", ""), "channel");
        refused(merchant, Map.of("kind", "first_order", "sku", "NOT-A-SKU"), "sku");
        refused(merchant, Map.of("kind", "nth_order", "sku", "TEE-S-SAND", "nth_order", 1), "nth_order");
        refused(merchant, Map.of("kind", "first_order", "sku", "TEE-S-SAND", "quantity", 0), "quantity");
        refused(merchant, Map.of("kind", "first_order", "sku", "TEE-S-SAND", "quantity", 101), "quantity");
        refused(merchant, Map.of("kind", "birthday", "sku", "TEE-S-SAND"), "kind");
        refused(merchant, Map.of("kind", "first_order", "sku", "TEE-S-SAND", "once_per", "week"), "once_per");
        refused(merchant, Map.of("sku", "TEE-S-SAND"), "kind");
        // Two problems at once are both named.
        merchant.post().uri("/api/v1/insert-rules").bodyValue(Map.of("kind", "nth_order", "sku", "NOT-A-SKU"))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).contains("nth_order", "sku"));

        // A bad replacement leaves the rule as it was.
        merchant.put().uri("/api/v1/insert-rules/{id}", rule.get("id")).bodyValue(Map.of("kind", "nth_order", "sku", "TEE-S-SAND"))
                .exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        merchant.put().uri("/api/v1/insert-rules/{id}", rule.get("id")).bodyValue(Map.of("kind", "first_order", "sku", "GONE"))
                .exchange().expectStatus().isEqualTo(422);
        assertThat(rules(merchant)).singleElement().satisfies(kept -> assertThat(kept)
                .containsEntry("id", rule.get("id")).containsEntry("kind", "first_order").containsEntry("sku", "TEE-S-SAND"));

        // Not for workers, nor for a malformed id.
        world.worker(this).get().uri("/api/v1/insert-rules").exchange().expectStatus().isForbidden();
        merchant.get().uri("/api/v1/insert-rules/not-a-uuid").exchange().expectStatus().is4xxClientError()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aMerchantKeepsAtMostFiftyRules() {
        World world = World.create(this);
        WebTestClient merchant = world.merchant(this);
        for (int i = 0; i < InsertRules.MAX_RULES; i++) {
            merchant.post().uri("/api/v1/insert-rules").bodyValue(Map.of("kind", "channel", "sku", "TEE-S-SAND", "channel", "shop-" + i))
                    .exchange().expectStatus().isCreated();
        }
        merchant.post().uri("/api/v1/insert-rules").bodyValue(Map.of("kind", "channel", "sku", "TEE-S-SAND", "channel", "one-more"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/too-many-insert-rules");
        assertThat(rules(merchant)).hasSize(InsertRules.MAX_RULES);
    }

    private void refused(WebTestClient merchant, Map<String, Object> body, String field) {
        List<Map<String, Object>> before = rules(merchant);
        merchant.post().uri("/api/v1/insert-rules").bodyValue(new HashMap<>(body))
                .exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(INVALID)
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).as(body.toString()).contains(field));
        assertThat(rules(merchant)).isEqualTo(before);
    }

    private static List<Map<String, Object>> rules(WebTestClient merchant) {
        return merchant.get().uri("/api/v1/insert-rules").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
    }
}
