package io.stowage.api.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Order intake, allocation, backorders, preorders, hold and cancel, through the HTTP API. */
class OrdersTest extends ApiTest {

    @Autowired
    DatabaseClient db;

    @Test
    void anOrderWithStockIsAllocatedAtOnceAndAReplayReturnsTheSameOrder() {
        World world = World.create(this);
        receive(world, "stock-1", "TEE-M-NAVY", 5);
        Map<String, Object> body = order(List.of(line("TEE-M-NAVY", 2)));

        String first = place(world, "order-1", body).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        Map<?, ?> created = place(world, "order-1", body).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first).contains("\"status\":\"allocated\"");
        assertThat(created.get("status")).isEqualTo("allocated");
        Map<?, ?> line = (Map<?, ?>) ((List<?>) created.get("lines")).get(0);
        assertThat(line.get("allocated")).isEqualTo(2);
        assertThat(line.get("backordered")).isEqualTo(0);
        assertThat(((Map<?, ?>) ((List<?>) line.get("ships_from")).get(0)).get("node_code")).isEqualTo(world.node);

        place(world, "order-1", order(List.of(line("TEE-M-NAVY", 3)))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/idempotency-key-reused");
        assertThat(count("orders")).isEqualTo(1);
        assertBooksAgree();
    }

    private WebTestClient.ResponseSpec place(World world, String key, Map<String, Object> body) {
        return world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", key).bodyValue(body).exchange();
    }

    static Map<String, Object> order(List<Map<String, Object>> lines) {
        return Map.of("customer", Map.of("name", "Ona Petraitytė", "email", "ona@example.com",
                        "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius", "postal_code", "01103", "country", "LT",
                                "latitude", 54.6872, "longitude", 25.2797)),
                "lines", lines, "service_level", "standard", "channel", "web");
    }

    static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    private void receive(World world, String key, String sku, int quantity) {
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", key)
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
    }

    private long count(String table) {
        return db.sql("SELECT count(*) AS n FROM " + table).map(row -> row.get("n", Long.class)).one().block();
    }

    private void assertBooksAgree() {
        admin().get().uri("/api/v1/admin/stock/reconciliation").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        admin().get().uri("/api/v1/admin/orders/reconciliation").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }
}
