package io.stowage.api.picking;

import io.stowage.api.support.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A {@link World} with a realistic floor for picking: a pick-face rack in aisle 3 and reserve racks
 * in aisles 4 and 5 (zone P, 10 bays each, both faces), a pack station in front, six sock variants
 * without pick faces, and a picker.
 */
final class PickingFloor {

    static final List<String> SOCKS = List.of("SOCK-1", "SOCK-2", "SOCK-3", "SOCK-4", "SOCK-5", "SOCK-6");

    final ApiTest test;
    final World world;
    final String pickerToken;

    private PickingFloor(ApiTest test, World world, String pickerToken) {
        this.test = test;
        this.world = world;
        this.pickerToken = pickerToken;
    }

    static PickingFloor create(ApiTest test) {
        World world = World.create(test);
        test.admin().post().uri("/api/v1/nodes/{code}/zones", world.node).bodyValue(Map.of("code", "P", "name", "Picking"))
                .exchange().expectStatus().isCreated();
        rack(test, world, "pick_face", 3, 3);
        rack(test, world, "reserve", 4, 5);
        test.admin().post().uri("/api/v1/nodes/{code}/locations", world.node)
                .bodyValue(Map.of("locations", List.of(Map.of("code", "PACK-1", "type", "pack_station", "x_mm", 6000, "y_mm", -2000))))
                .exchange().expectStatus().isCreated();
        List<Map<String, Object>> variants = new ArrayList<>();
        for (String sku : SOCKS) {
            variants.add(Map.of("sku", sku, "name", "Wool sock " + sku, "weight_g", 80, "length_mm", 200, "width_mm", 100, "height_mm", 30));
        }
        world.merchant(test).put().uri("/api/v1/products/{code}", "SOCK").bodyValue(Map.of("name", "Wool sock", "variants", variants))
                .exchange().expectStatus().is2xxSuccessful();
        String badge = "P" + world.badge;
        test.admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of(
                        "badge_code", badge, "name", "Picker " + badge, "pin", "1357", "node_code", world.node, "roles", List.of("picker")))
                .exchange().expectStatus().isCreated();
        Map<?, ?> session = test.web.post().uri("/api/v1/auth/worker-sessions")
                .bodyValue(Map.of("badge_code", badge, "pin", "1357", "device_id", "RF-" + badge))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return new PickingFloor(test, world, (String) session.get("token"));
    }

    private static void rack(ApiTest test, World world, String type, int fromAisle, int toAisle) {
        test.admin().post().uri("/api/v1/nodes/{code}/rack-layouts", world.node).bodyValue(Map.of(
                        "zone_code", "P", "type", type, "aisles", Map.of("from", fromAisle, "to", toAisle), "bays", Map.of("from", 1, "to", 10),
                        "levels", List.of("A"), "aisle_pitch_mm", 3000, "bay_width_mm", 1200,
                        "origin", Map.of("x_mm", 3000, "y_mm", 0), "both_sides", true))
                .exchange().expectStatus().isCreated();
    }

    WebTestClient supervisor() {
        return world.worker(test);
    }

    WebTestClient picker() {
        return test.as(pickerToken);
    }

    /** Receives units at the dock and puts them away at the location. */
    void stock(String sku, String locationCode, int quantity) {
        String key = "stock-" + world.node + "-" + sku + "-" + locationCode + "-" + quantity;
        supervisor().post().uri("/api/v1/receipts").header("Idempotency-Key", key + "-in")
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
        supervisor().post().uri("/api/v1/moves").header("Idempotency-Key", key + "-away")
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity,
                        "from_location_code", "DOCK-1", "to_location_code", locationCode))
                .exchange().expectStatus().isCreated();
    }

    /** Places an order of (sku, quantity) pairs and returns its id; it must be allocated. */
    String order(String key, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        Map<?, ?> order = world.merchant(test).post().uri("/api/v1/orders").header("Idempotency-Key", key)
                .bodyValue(Map.of("customer", Map.of("name", "Ona Petraitytė", "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius",
                                "postal_code", "01103", "country", "LT", "latitude", 54.6872, "longitude", 25.2797)),
                        "lines", lines, "service_level", "standard", "channel", "web"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(order.get("status")).isEqualTo("allocated");
        return (String) order.get("id");
    }

    Map<?, ?> orderView(String id) {
        return world.merchant(test).get().uri("/api/v1/orders/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Creates a wave over every allocated order of the node and waits, a bounded number of times, for its plan. */
    String plannedWave(int totes, int timeLimitSeconds) {
        Map<?, ?> wave = supervisor().post().uri("/api/v1/waves")
                .bodyValue(Map.of("filter", Map.of(), "cart", Map.of("totes", totes), "time_limit_seconds", timeLimitSeconds))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(wave.get("status")).isIn("planning", "planned");
        return (String) awaitPlanned((String) wave.get("id")).get("id");
    }

    Map<?, ?> awaitPlanned(String waveId) {
        Map<?, ?> wave = Eventually.until(() -> wave(waveId), read -> !"planning".equals(read.get("status")));
        assertThat(wave.get("status")).as("wave %s failed with %s", waveId, wave.get("failure")).isEqualTo("planned");
        return wave;
    }

    Map<?, ?> wave(String waveId) {
        return supervisor().get().uri("/api/v1/waves/{id}", waveId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec confirm(Map<?, ?> task, String key, String locationCode, String sku, int quantity) {
        return picker().post().uri("/api/v1/pick-tasks/{id}/confirm", task.get("id")).header("Idempotency-Key", key)
                .bodyValue(Map.of("location_code", locationCode, "sku", sku, "quantity", quantity, "tote", task.get("tote")))
                .exchange();
    }

    void assertBooksAgree() {
        test.assertBooksAgree(world.merchantId);
    }
}
