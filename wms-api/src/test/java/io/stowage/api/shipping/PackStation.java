package io.stowage.api.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The floor in front of shipping, walked through the HTTP API as the warehouse works: stock on a
 * pick face, orders picked in a wave, and a packer at {@code PACK-1} who closes cartons, each of
 * which opens its shipment.
 */
final class PackStation {

    static final String STATION = "PACK-1";

    final ApiTest test;
    final ShippingDesk desk;
    final String pickerToken;

    private PackStation(ApiTest test, ShippingDesk desk, String pickerToken) {
        this.test = test;
        this.desk = desk;
        this.pickerToken = pickerToken;
    }

    static PackStation create(ApiTest test) {
        ShippingDesk desk = ShippingDesk.create(test);
        String node = desk.world.node;
        test.admin().post().uri("/api/v1/nodes/{code}/zones", node).bodyValue(Map.of("code", "P", "name", "Picking"))
                .exchange().expectStatus().isCreated();
        test.admin().post().uri("/api/v1/nodes/{code}/rack-layouts", node).bodyValue(Map.of(
                        "zone_code", "P", "type", "pick_face", "aisles", Map.of("from", 3, "to", 3), "bays", Map.of("from", 1, "to", 10),
                        "levels", List.of("A"), "aisle_pitch_mm", 3000, "bay_width_mm", 1200,
                        "origin", Map.of("x_mm", 3000, "y_mm", 0), "both_sides", true))
                .exchange().expectStatus().isCreated();
        test.admin().post().uri("/api/v1/nodes/{code}/locations", node)
                .bodyValue(Map.of("locations", List.of(Map.of("code", STATION, "type", "pack_station", "x_mm", 6000, "y_mm", -2000))))
                .exchange().expectStatus().isCreated();
        return new PackStation(test, desk, worker(test, desk, "P", "picker"));
    }

    /** A worker of the node with one role, logged in; returns the bearer token. */
    static String worker(ApiTest test, ShippingDesk desk, String badgePrefix, String role) {
        String badge = ApiTest.unique(badgePrefix);
        test.admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of(
                        "badge_code", badge, "name", "Worker " + badge, "pin", "1357", "node_code", desk.world.node, "roles", List.of(role)))
                .exchange().expectStatus().isCreated();
        Map<?, ?> session = test.web.post().uri("/api/v1/auth/worker-sessions")
                .bodyValue(Map.of("badge_code", badge, "pin", "1357", "device_id", "RF-" + badge))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) session.get("token");
    }

    String packer() {
        return worker(test, desk, "K", "packer");
    }

    /**
     * One navy tee to Vilnius, stocked, ordered, picked and packed by a merchant with an EasyPost account at the
     * fake: the carton's shipment once its label is bought.
     */
    Map<?, ?> labelledThroughEasyPost(FakeEasyPost easyPost) {
        stock("TEE-M-NAVY", "P-03-01-A", 1);
        String order = order("TEE-M-NAVY", 1);
        Map<?, ?> batch = pickEverything();
        test.admin().post().uri("/api/v1/admin/merchants/{id}/carrier-accounts", desk.merchantId)
                .bodyValue(Map.of("carrier", "easypost", "api_key", "EZTK_" + UUID.randomUUID(), "base_uri", easyPost.baseUri()))
                .exchange().expectStatus().isCreated();
        WebTestClient packer = test.as(packer());
        UUID carton = closeCarton(packer, session(packer, batch, order), order, "TEE-M-NAVY", 1, 180);
        return desk.awaitLabelled(carton);
    }

    /** Receives units at the dock and puts them away on a pick face. */
    void stock(String sku, String locationCode, int quantity) {
        String key = "stock-" + UUID.randomUUID();
        desk.supervisor().post().uri("/api/v1/receipts").header("Idempotency-Key", key + "-in")
                .bodyValue(Map.of("merchant_id", desk.world.merchantId, "sku", sku, "quantity", quantity, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
        desk.supervisor().post().uri("/api/v1/moves").header("Idempotency-Key", key + "-away")
                .bodyValue(Map.of("merchant_id", desk.world.merchantId, "sku", sku, "quantity", quantity,
                        "from_location_code", "DOCK-1", "to_location_code", locationCode))
                .exchange().expectStatus().isCreated();
    }

    /** An allocated order of the units to Vilnius. */
    String order(String sku, int quantity) {
        Map<?, ?> order = desk.merchant().post().uri("/api/v1/orders").header("Idempotency-Key", "order-" + UUID.randomUUID())
                .bodyValue(Map.of("customer", Map.of("name", "Ona Petraitytė", "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius",
                                "postal_code", "01103", "country", "LT", "latitude", 54.6872, "longitude", 25.2797)),
                        "lines", List.of(Map.of("sku", sku, "quantity", quantity)), "service_level", "standard", "channel", "web"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(order.get("status")).isEqualTo("allocated");
        return (String) order.get("id");
    }

    /** Releases a wave over the node's allocated orders and picks every task; returns the batch. */
    Map<?, ?> pickEverything() {
        Map<?, ?> wave = desk.supervisor().post().uri("/api/v1/waves")
                .bodyValue(Map.of("filter", Map.of(), "cart", Map.of("totes", 6), "time_limit_seconds", 1))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        String waveId = (String) wave.get("id");
        Map<?, ?> planned = Eventually.until(() -> desk.supervisor().get().uri("/api/v1/waves/{id}", waveId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody(), read -> !"planning".equals(read.get("status")));
        assertThat(planned.get("status")).as("wave %s: %s", waveId, planned.get("failure")).isEqualTo("planned");
        desk.supervisor().post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isOk();
        WebTestClient picker = test.as(pickerToken);
        Map<?, ?> batch = picker.get().uri("/api/v1/pick-tasks/next").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        for (Map<?, ?> task : maps(batch.get("tasks"))) {
            picker.post().uri("/api/v1/pick-tasks/{id}/confirm", task.get("id")).header("Idempotency-Key", "pick-" + task.get("id"))
                    .bodyValue(Map.of("location_code", task.get("location_code"), "sku", task.get("sku"), "quantity", task.get("quantity"),
                            "tote", task.get("tote")))
                    .exchange().expectStatus().isOk();
        }
        return batch;
    }

    /** Opens the packer's session at the station for the order's tote of the batch; returns the session id. */
    static String session(WebTestClient packer, Map<?, ?> batch, String orderId) {
        int tote = maps(batch.get("tasks")).stream().filter(task -> orderId.equals(task.get("order_id")))
                .map(task -> (Integer) task.get("tote")).findFirst().orElseThrow();
        Map<?, ?> session = packer.post().uri("/api/v1/pack-sessions")
                .bodyValue(Map.of("station_code", STATION, "batch_id", batch.get("id"), "tote", tote))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) session.get("id");
    }

    /** Packs units of the order into a new carton and closes it (the weight must be the catalog's, within tolerance); returns the carton id. */
    static UUID closeCarton(WebTestClient packer, String sessionId, String orderId, String sku, int units, int weightGrams) {
        Map<?, ?> carton = packer.post().uri("/api/v1/pack-sessions/{id}/cartons", sessionId).bodyValue(Map.of("order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        packer.post().uri("/api/v1/cartons/{id}/units", carton.get("id")).header("Idempotency-Key", "scan-" + UUID.randomUUID())
                .bodyValue(Map.of("sku", sku, "quantity", units)).exchange().expectStatus().isOk();
        Map<?, ?> closed = packer.post().uri("/api/v1/cartons/{id}/close", carton.get("id"))
                .bodyValue(Map.of("length_mm", 300, "width_mm", 250, "height_mm", 60, "weight_grams", weightGrams))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) closed.get("carton")).get("status")).as("closed, not held for a weight re-check").isEqualTo("closed");
        return UUID.fromString((String) carton.get("id"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<?, ?>> maps(Object list) {
        return (List<Map<?, ?>>) list;
    }
}
