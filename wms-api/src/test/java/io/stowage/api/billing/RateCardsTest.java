package io.stowage.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** Rate-card versions: one in force a day, prices that can be charged, the merchant's currency; refusals write nothing. */
class RateCardsTest extends ApiTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Test
    void versionsFollowEachOtherWithoutOverlapAndBadCardsAreRefusedWithoutAWrite() {
        String merchantId = merchantId(newMerchant("Rate cards " + unique("M")));
        admin().put().uri("/api/v1/admin/billing/merchants/{id}/account", merchantId)
                .bodyValue(Map.of("currency", "EUR", "vat_rate_bp", 2100, "legal_name", "Šilas UAB", "address", "Gedimino pr. 1, Vilnius"))
                .exchange().expectStatus().isOk();

        card(merchantId, "EUR", "2026-01-01", null, Map.of("pick_per_order", 120)).expectStatus().isCreated();
        // A later version supersedes the open one from its first day.
        card(merchantId, "EUR", "2026-06-01", null, Map.of("pick_per_order", 130, "storage_per_location_day", Map.of("reserve", 25)))
                .expectStatus().isCreated();

        card(merchantId, "EUR", "2026-03-01", "2026-04-01", Map.of("pick_per_order", 1)).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/rate-card-overlap");
        card(merchantId, "EUR", "2026-06-01", null, Map.of("pick_per_order", 1)).expectStatus().isEqualTo(409);
        card(merchantId, "EUR", "2027-01-01", null, Map.of("pick_per_order", -5)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rates.pick_per_order");
        card(merchantId, "EUR", "2027-01-01", null, Map.of("storage_per_location_day", Map.of("attic", 5))).expectStatus().isEqualTo(422);
        card(merchantId, "UAH", "2027-01-01", null, Map.of("pick_per_order", 5)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/currency-mismatch");

        List<Map<String, Object>> versions = admin().get().uri("/api/v1/admin/billing/merchants/{id}/rate-cards", merchantId).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
        assertThat(versions).extracting(v -> v.get("effective_from"), v -> v.get("effective_to"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-01-01", "2026-06-01"), org.assertj.core.groups.Tuple.tuple("2026-06-01", null));
        assertThat(((Map<?, ?>) versions.get(1).get("rates")).get("pick_per_order")).isEqualTo(130);
    }

    @Test
    void aMerchantWithoutABillingAccountGetsNoRateCard() {
        String merchantId = merchantId(newMerchant("No account " + unique("M")));
        card(merchantId, "EUR", "2026-01-01", null, Map.of("pick_per_order", 120)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/no-billing-account");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec card(String merchantId, String currency, String from,
                                                                                         String to, Map<String, Object> rates) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currency", currency);
        body.put("effective_from", from);
        if (to != null) {
            body.put("effective_to", to);
        }
        body.put("rates", rates);
        return admin().post().uri("/api/v1/admin/billing/merchants/{id}/rate-cards", merchantId).bodyValue(body).exchange();
    }

    private String merchantId(String key) {
        return (String) as(key).get().uri("/api/v1/merchant").exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("id");
    }
}
