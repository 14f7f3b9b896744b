package io.stowage.api.slips;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.packing.PackingFloor;
import io.stowage.api.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Carton closes lock their order, then take inserts from stock (the balance row, then the node's
 * level); orders placed at the same time lock the same levels to reserve. Packers closing cartons at
 * once, with a store ordering the insert SKU meanwhile, all go through: no deadlock between the order
 * locks and the stock rows, every carton gets its inserts once, and the books agree.
 */
class ConcurrentClosesWithInsertsTest extends ApiTest {

    static final int PACKERS = 4;

    @Test
    void cartonsClosedAtOnceWithInsertsWhileTheInsertIsOrderedAllCloseWithTheirInserts() throws Exception {
        PackingFloor floor = PackingFloor.create(this);
        WebTestClient merchant = floor.world.merchant(this);
        merchant.put().uri("/api/v1/products/{code}", "INSERTS").bodyValue(Map.of("name", "Inserts", "variants", List.of(
                        Map.of("sku", "SAMPLE-CREAM", "name", "Hand cream sample", "weight_g", 15, "length_mm", 50, "width_mm", 30, "height_mm", 10),
                        Map.of("sku", "LEAFLET-WEB", "name", "Leaflet web", "weight_g", 5, "length_mm", 148, "width_mm", 105, "height_mm", 1))))
                .exchange().expectStatus().is2xxSuccessful();
        for (String sku : List.of("SAMPLE-CREAM", "LEAFLET-WEB")) {
            floor.world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", "insert-" + UUID.randomUUID())
                    .bodyValue(Map.of("merchant_id", floor.world.merchantId, "sku", sku, "quantity", 40, "location_code", "DOCK-1"))
                    .exchange().expectStatus().isCreated();
        }
        merchant.post().uri("/api/v1/insert-rules").bodyValue(Map.of("kind", "first_order", "sku", "SAMPLE-CREAM")).exchange().expectStatus().isCreated();
        merchant.post().uri("/api/v1/insert-rules").bodyValue(Map.of("kind", "channel", "sku", "LEAFLET-WEB", "channel", "web", "once_per", "carton"))
                .exchange().expectStatus().isCreated();
        floor.stock("TEE-M-NAVY", "P-03-01-A", PACKERS);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < PACKERS; i++) {
            orders.add(order(merchant, "TEE-M-NAVY"));
        }
        floor.pickEverything();

        List<Callable<Map<?, ?>>> work = new ArrayList<>();
        for (int i = 0; i < PACKERS; i++) {
            WebTestClient packer = i == 0 ? floor.packer()
                    : as(PackingFloor.worker(this, floor.world, "C" + i + floor.world.badge, "Packer " + i, "packer"));
            String orderId = orders.get(i);
            String sessionId = (String) packer.post().uri("/api/v1/pack-sessions")
                    .bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", orderId))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
            Object cartonId = packer.post().uri("/api/v1/pack-sessions/{id}/cartons", sessionId).bodyValue(Map.of("order_id", orderId))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
            packer.post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", "scan-" + UUID.randomUUID())
                    .bodyValue(Map.of("sku", "TEE-M-NAVY")).exchange().expectStatus().isOk();
            work.add(() -> packer.post().uri("/api/v1/cartons/{id}/close", cartonId)
                    .bodyValue(Map.of("length_mm", 300, "width_mm", 250, "height_mm", 60, "weight_grams", 180))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
            work.add(() -> Map.of("ordered", order(merchant, "LEAFLET-WEB")));
        }

        ExecutorService threads = Executors.newFixedThreadPool(work.size());
        List<Map<?, ?>> closed = new ArrayList<>();
        try {
            for (Future<Map<?, ?>> done : threads.invokeAll(work)) {
                Map<?, ?> answer = done.get();
                if (answer.containsKey("carton")) {
                    closed.add((Map<?, ?>) answer.get("carton"));
                }
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(closed).hasSize(PACKERS).allSatisfy(carton -> assertThat(carton.get("status")).isEqualTo("closed"));
        for (Map<?, ?> carton : closed) {
            Map<?, ?> slip = merchant.get().uri("/api/v1/cartons/{id}/packing-slip", carton.get("id")).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(PackingFloor.maps(slip.get("inserts"))).extracting(insert -> insert.get("sku") + "/" + insert.get("status"))
                    .containsExactlyInAnyOrder("SAMPLE-CREAM/taken", "LEAFLET-WEB/taken");
        }
        assertBooksAgree(floor.world.merchantId);
    }

    private static String order(WebTestClient merchant, String sku) {
        Map<?, ?> order = merchant.post().uri("/api/v1/orders").header("Idempotency-Key", "order-" + UUID.randomUUID())
                .bodyValue(Map.of("customer", Map.of("name", "Rūta", "email", "ruta." + UUID.randomUUID() + "@example.lt",
                                "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius", "postal_code", "01103", "country", "LT",
                                        "latitude", 54.6872, "longitude", 25.2797)),
                        "lines", List.of(Map.of("sku", sku, "quantity", 1)), "service_level", "standard", "channel", "web"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) order.get("id");
    }
}
