package io.stowage.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AccessTest extends ApiTest {

    @Test
    void requestsWithoutASecretAreRefusedWithAProblem() {
        web.get().uri("/api/v1/merchant").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/unauthorized");
        as("sk_not-a-real-key").get().uri("/api/v1/merchant").exchange().expectStatus().isUnauthorized();
        as("wrong-admin-key").get().uri("/api/v1/admin/merchants").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void onlyTheAdminCreatesMerchants() {
        String key = newMerchant("Amber Apparel");
        as(key).post().uri("/api/v1/admin/merchants").bodyValue(Map.of("name", "Sneaky")).exchange()
                .expectStatus().isForbidden();
        as(key).get().uri("/api/v1/merchant").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Amber Apparel");
    }

    @Test
    void theAdminChangesAMerchantsSettings() {
        String key = newMerchant("Linen Lane");
        Map<?, ?> merchant = as(key).get().uri("/api/v1/merchant").exchange().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(merchant.get("ship_from_store")).isEqualTo(false);

        admin().patch().uri("/api/v1/admin/merchants/{id}", merchant.get("id")).bodyValue(Map.of("ship_from_store", true))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.ship_from_store").isEqualTo(true).jsonPath("$.name").isEqualTo("Linen Lane");
        admin().patch().uri("/api/v1/admin/merchants/{id}", merchant.get("id")).bodyValue(Map.of("gs1_company_prefix", "12"))
                .exchange().expectStatus().isEqualTo(422);
        admin().patch().uri("/api/v1/admin/merchants/{id}", java.util.UUID.randomUUID()).bodyValue(Map.of("ship_from_store", true))
                .exchange().expectStatus().isNotFound();
        as(key).patch().uri("/api/v1/admin/merchants/{id}", merchant.get("id")).bodyValue(Map.of("ship_from_store", false))
                .exchange().expectStatus().isForbidden();
        as(key).get().uri("/api/v1/merchant").exchange().expectBody().jsonPath("$.ship_from_store").isEqualTo(true);
    }

    @Test
    void theMerchantListPagesInTheOrderMerchantsJoined() {
        String run = unique("run");
        for (String name : List.of("Page One ", "Page Two ", "Page Three ")) {
            newMerchant(name + run);
        }
        List<String> names = new ArrayList<>();
        String after = "";
        int pages = 0;
        do {
            Map<?, ?> page = admin().get().uri("/api/v1/admin/merchants?limit=2&after={after}", after).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            List<?> items = (List<?>) page.get("items");
            assertThat(items).hasSizeBetween(1, 2);
            items.forEach(merchant -> names.add((String) ((Map<?, ?>) merchant).get("name")));
            after = (String) page.get("next_cursor");
            assertThat(++pages).as("pages of two").isLessThan(10_000);
        } while (after != null);
        assertThat(names.indexOf("Page One " + run)).isNotNegative().isLessThan(names.indexOf("Page Two " + run));
        assertThat(names.indexOf("Page Two " + run)).isLessThan(names.indexOf("Page Three " + run));
        assertThat(pages).isEqualTo((names.size() + 1) / 2);
        admin().get().uri("/api/v1/admin/merchants?after=bm90LWEtY3Vyc29y").exchange().expectStatus().isEqualTo(422);
    }

    @Test
    void merchantKeysAreShownOnceAndCanBeRevoked() {
        String key = newMerchant("Baltic Boots");
        Map<?, ?> second = as(key).post().uri("/api/v1/api-keys").bodyValue(Map.of("name", "warehouse sync")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String secondSecret = (String) second.get("secret");
        assertThat(secondSecret).startsWith("sk_");

        List<?> listed = as(secondSecret).get().uri("/api/v1/api-keys").exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(listed).hasSize(2);
        assertThat(listed.toString()).doesNotContain(secondSecret);

        as(key).delete().uri("/api/v1/api-keys/{id}", second.get("id")).exchange().expectStatus().isNoContent();
        as(secondSecret).get().uri("/api/v1/merchant").exchange().expectStatus().isUnauthorized();
        as(key).get().uri("/api/v1/merchant").exchange().expectStatus().isOk();
    }

    @Test
    void invalidMerchantRequestsAnswerWithFieldErrors() {
        int before = merchantCount();
        admin().post().uri("/api/v1/admin/merchants").bodyValue(Map.of("name", "", "gs1_company_prefix", "12"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'gs1_company_prefix')]").exists();
        assertThat(merchantCount()).isEqualTo(before);
    }

    /** Every merchant in the database, whatever other tests made: the list paged to its end. */
    private int merchantCount() {
        int count = 0;
        String after = "";
        do {
            Map<?, ?> page = admin().get().uri("/api/v1/admin/merchants?limit=500&after={after}", after).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            count += ((List<?>) page.get("items")).size();
            after = (String) page.get("next_cursor");
        } while (after != null);
        return count;
    }
}
