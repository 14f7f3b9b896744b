package io.stowage.api.packing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A {@link World} taken as far as the pack station: a pick-face rack in zone P, a pack station
 * {@code PACK-1}, the world's linen tees (navy M and L, sand S) on pick faces, a picker and a packer.
 * {@link #pickEverything} walks the placed orders through a wave and its picks, so that they wait at
 * the pack station as picking leaves them. Public for the features that act on a closed carton (slips).
 */
public final class PackingFloor {

    public static final String STATION = "PACK-1";

    final ApiTest test;
    public final World world;
    final String pickerToken;
    final String packerToken;
    public final String packerName;

    private PackingFloor(ApiTest test, World world, String pickerToken, String packerToken, String packerName) {
        this.test = test;
        this.world = world;
        this.pickerToken = pickerToken;
        this.packerToken = packerToken;
        this.packerName = packerName;
    }

    public static PackingFloor create(ApiTest test) {
        World world = World.create(test);
        test.admin().post().uri("/api/v1/nodes/{code}/zones", world.node).bodyValue(Map.of("code", "P", "name", "Picking"))
                .exchange().expectStatus().isCreated();
        test.admin().post().uri("/api/v1/nodes/{code}/rack-layouts", world.node).bodyValue(Map.of(
                        "zone_code", "P", "type", "pick_face", "aisles", Map.of("from", 3, "to", 3), "bays", Map.of("from", 1, "to", 10),
                        "levels", List.of("A"), "aisle_pitch_mm", 3000, "bay_width_mm", 1200,
                        "origin", Map.of("x_mm", 3000, "y_mm", 0), "both_sides", true))
                .exchange().expectStatus().isCreated();
        test.admin().post().uri("/api/v1/nodes/{code}/locations", world.node)
                .bodyValue(Map.of("locations", List.of(Map.of("code", STATION, "type", "pack_station", "x_mm", 6000, "y_mm", -2000))))
                .exchange().expectStatus().isCreated();
        String pickerToken = worker(test, world, "P" + world.badge, "Picker " + world.badge, "picker");
        String packerName = "Packer " + world.badge;
        String packerToken = worker(test, world, "K" + world.badge, packerName, "packer");
        return new PackingFloor(test, world, pickerToken, packerToken, packerName);
    }

    public static String worker(ApiTest test, World world, String badge, String name, String role) {
        test.admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of(
                        "badge_code", badge, "name", name, "pin", "1357", "node_code", world.node, "roles", List.of(role)))
                .exchange().expectStatus().isCreated();
        Map<?, ?> session = test.web.post().uri("/api/v1/auth/worker-sessions")
                .bodyValue(Map.of("badge_code", badge, "pin", "1357", "device_id", "RF-" + badge))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) session.get("token");
    }

    WebTestClient supervisor() {
        return world.worker(test);
    }

    public WebTestClient picker() {
        return test.as(pickerToken);
    }

    public WebTestClient packer() {
        return test.as(packerToken);
    }

    /** Receives units at the dock and puts them away at the location. */
    public void stock(String sku, String locationCode, int quantity) {
        String key = "stock-" + UUID.randomUUID();
        supervisor().post().uri("/api/v1/receipts").header("Idempotency-Key", key + "-in")
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
        supervisor().post().uri("/api/v1/moves").header("Idempotency-Key", key + "-away")
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity,
                        "from_location_code", "DOCK-1", "to_location_code", locationCode))
                .exchange().expectStatus().isCreated();
    }

    /** The merchant's box type: inner size, tare and cost in euro cents. */
    void boxType(String code, int length, int width, int height, int tare, long cost) {
        world.merchant(test).put().uri("/api/v1/box-types/{code}", code).bodyValue(Map.of("name", "Box " + code, "inner_length_mm", length,
                        "inner_width_mm", width, "inner_height_mm", height, "tare_grams", tare, "max_weight_grams", 20_000, "cost_minor", cost,
                        "currency", "EUR"))
                .exchange().expectStatus().is2xxSuccessful();
    }

    /** Boxes of the type received at the node's packaging stock. */
    void receiveBoxes(String code, int quantity) {
        world.merchant(test).post().uri("/api/v1/box-types/{code}/stock-adjustments", code).header("Idempotency-Key", "boxes-" + UUID.randomUUID())
                .bodyValue(Map.of("node_code", world.node, "reason", "received", "quantity", quantity))
                .exchange().expectStatus().isOk();
    }

    /** A lot-tracked product with one variant, {@code VITC-60}: vitamin C tablets. */
    void lotTrackedVitamins() {
        world.merchant(test).put().uri("/api/v1/products/{code}", "VITC").bodyValue(Map.of("name", "Vitamin C",
                        "variants", List.of(Map.of("sku", "VITC-60", "name", "Vitamin C 60 tablets", "attributes", Map.of("size", "60"),
                                "weight_g", 90, "length_mm", 60, "width_mm", 60, "height_mm", 110, "lot_tracked", true, "expiry_tracked", true))))
                .exchange().expectStatus().is2xxSuccessful();
    }

    /** Receives units of a lot at the dock and puts them away at the location. */
    void stockLot(String sku, String locationCode, int quantity, String lotNumber, String expiresOn) {
        String key = "stock-" + UUID.randomUUID();
        supervisor().post().uri("/api/v1/receipts").header("Idempotency-Key", key + "-in")
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity, "location_code", "DOCK-1",
                        "lot_number", lotNumber, "expires_on", expiresOn))
                .exchange().expectStatus().isCreated();
        supervisor().post().uri("/api/v1/moves").header("Idempotency-Key", key + "-away")
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity, "lot_number", lotNumber,
                        "from_location_code", "DOCK-1", "to_location_code", locationCode))
                .exchange().expectStatus().isCreated();
    }

    /** Places an order of (sku, quantity) pairs and returns its id; it must be allocated. */
    String order(Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        Map<?, ?> order = world.merchant(test).post().uri("/api/v1/orders").header("Idempotency-Key", "order-" + UUID.randomUUID())
                .bodyValue(Map.of("customer", Map.of("name", "Ona Petraitytė", "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius",
                                "postal_code", "01103", "country", "LT", "latitude", 54.6872, "longitude", 25.2797)),
                        "lines", lines, "service_level", "standard", "channel", "web"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(order.get("status")).isEqualTo("allocated");
        return (String) order.get("id");
    }

    /** Releases a wave over the node's allocated orders and picks every task in full; returns the batch as picked. */
    public Map<?, ?> pickEverything() {
        Map<?, ?> wave = supervisor().post().uri("/api/v1/waves")
                .bodyValue(Map.of("filter", Map.of(), "cart", Map.of("totes", 6), "time_limit_seconds", 1))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        String waveId = (String) wave.get("id");
        Map<?, ?> planned = Eventually.until(() -> supervisor().get().uri("/api/v1/waves/{id}", waveId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody(), read -> !"planning".equals(read.get("status")));
        assertThat(planned.get("status")).as("wave %s: %s", waveId, planned.get("failure")).isEqualTo("planned");
        supervisor().post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isOk();
        Map<?, ?> batch = picker().get().uri("/api/v1/pick-tasks/next").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        for (Map<?, ?> task : maps(batch.get("tasks"))) {
            picker().post().uri("/api/v1/pick-tasks/{id}/confirm", task.get("id")).header("Idempotency-Key", "pick-" + task.get("id"))
                    .bodyValue(Map.of("location_code", task.get("location_code"), "sku", task.get("sku"), "quantity", task.get("quantity"),
                            "tote", task.get("tote")))
                    .exchange().expectStatus().isOk();
        }
        return batch;
    }

    /** The tote the batch's tasks for the order went into. */
    public static int toteOf(Map<?, ?> batch, String orderId) {
        return maps(batch.get("tasks")).stream().filter(task -> orderId.equals(task.get("order_id")))
                .map(task -> (Integer) task.get("tote")).findFirst().orElseThrow();
    }

    Map<?, ?> orderView(String id) {
        return world.merchant(test).get().uri("/api/v1/orders/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<?, ?>> maps(Object list) {
        return (List<Map<?, ?>>) list;
    }
}
