package io.stowage.api.demo;

import io.stowage.api.support.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.OwnDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo the README's start command loads: a network a new user can try every workflow on. */
@OwnDatabase
class DemoDataTest extends ApiTest {

    private static final String DEMO_KEY = "sk_demo_amber_and_linen";

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) {
        registry.add("stowage.demo", () -> "true");
    }

    @Test
    void theDemoNetworkIsLoadedOnceWithTrueStock() {
        awaitDemo();

        List<?> nodes = ((List<?>) as(DEMO_KEY).get().uri("/api/v1/nodes").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items"));
        assertThat(nodes.stream().map(node -> (String) ((Map<?, ?>) node).get("code")).toList()).containsExactly("LJU1", "LWO1", "RIX1", "VNO1");

        as(DEMO_KEY).get().uri("/api/v1/availability?sku=TEE-M-NAVY&sku=HOOD-L-AMBER&sku=TEE-L-NAVY").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].status").isEqualTo("in_stock")
                .jsonPath("$[0].available").isEqualTo(199)
                .jsonPath("$[1].status").isEqualTo("preorder")
                .jsonPath("$[1].incoming").isEqualTo(40)
                .jsonPath("$[1].alternatives[0].sku").isEqualTo("HOOD-L-CHARCOAL")
                .jsonPath("$[2].status").isEqualTo("in_stock");

        Map<?, ?> session = web.post().uri("/api/v1/auth/worker-sessions").bodyValue(Map.of("badge_code", "B1001", "pin", "1234"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        as((String) session.get("token")).get().uri("/api/v1/inbound/asns?status=open").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].reference").isEqualTo("ASN-DEMO-1");

        // The demo's boxes: the 3PL's, stocked at the warehouses, and the merchant's own gift box.
        as(DEMO_KEY).get().uri("/api/v1/box-suggestions?item=TEE-M-NAVY:2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.choices[0].cartons[0].box_type_code").isEqualTo("BOX-S")
                .jsonPath("$.choices[0].total_cost_minor").isEqualTo(45);
        as(DEMO_KEY).get().uri("/api/v1/box-types/AMBER-GIFT").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.shared").isEqualTo(false).jsonPath("$.stock[0].node_code").isEqualTo("VNO1").jsonPath("$.stock[0].on_hand").isEqualTo(80);

        admin().get().uri("/api/v1/admin/stock/reconciliation").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        admin().get().uri("/api/v1/admin/merchants").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    private void awaitDemo() {
        Eventually.await(() -> as(DEMO_KEY).get().uri("/api/v1/availability?sku=BALM-15ML-NATURAL").exchange()
                .returnResult(String.class).getStatus().value() == 200);
    }
}
