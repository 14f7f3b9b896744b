package io.stowage.api.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** The customer's language travels with the order (for the packing slip); a tag that is not one is refused. */
class CustomerLanguageTest extends ApiTest {

    @Test
    void theOrderKeepsTheCustomersLanguageInItsCanonicalForm() {
        World world = World.create(this);
        Map<?, ?> created = world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", "lang-1")
                .bodyValue(order(Map.of("name", "Оксана Коваленко", "email", "oksana@example.com", "language", "UK-ua",
                        "address", Map.of("city", "Vilnius", "country", "LT"))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) created.get("customer")).get("language")).isEqualTo((Object) "uk-UA");
        world.merchant(this).get().uri("/api/v1/orders/{id}", created.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.customer.language").isEqualTo("uk-UA");

        Map<?, ?> without = world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", "lang-2")
                .bodyValue(order(Map.of("name", "Ona", "address", Map.of("country", "LT"))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) without.get("customer")).containsKey("language")).isFalse();
    }

    @Test
    void aLanguageThatIsNotATagIsRefusedAndNoOrderIsTaken() {
        World world = World.create(this);
        for (String bad : List.of("Ukrainian", "u", "lt_LT", "en-")) {
            world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", "lang-bad-" + bad)
                    .bodyValue(order(Map.of("name", "Ona", "language", bad, "address", Map.of("country", "LT"))))
                    .exchange().expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("customer.language");
        }
        Map<String, Object> page = world.merchant(this).get().uri("/api/v1/orders").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat((List<?>) page.get("items")).isEmpty();
    }

    private static Map<String, Object> order(Map<String, Object> customer) {
        return Map.of("customer", customer, "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1)));
    }
}
