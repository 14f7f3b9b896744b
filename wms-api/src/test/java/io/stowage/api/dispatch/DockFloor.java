package io.stowage.api.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.WavePicking;
import io.stowage.api.support.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A {@link World} whose orders reach the dock through the real flow: stock on a pick face, a pack
 * station, a worker who picks and packs; each order is waved, picked, packed into one carton and
 * labelled, and its shipment is returned as the label desk shows it.
 */
final class DockFloor {

    final ApiTest test;
    final World world;
    final String packerToken;
    private int keys;

    private DockFloor(ApiTest test, World world, String packerToken) {
        this.test = test;
        this.world = world;
        this.packerToken = packerToken;
    }

    /** The world with {@code units} of TEE-M-NAVY on its pick face and a picker-packer. */
    static DockFloor create(ApiTest test, int units) {
        World world = World.create(test);
        test.admin().post().uri("/api/v1/nodes/{code}/locations", world.node)
                .bodyValue(Map.of("locations", List.of(Map.of("code", "PACK-1", "type", "pack_station", "x_mm", 1000, "y_mm", -2000))))
                .exchange().expectStatus().isCreated();
        String badge = "D" + world.badge;
        test.admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of("badge_code", badge, "name", "Jonas " + badge, "pin", "1357",
                        "node_code", world.node, "roles", List.of("picker", "packer")))
                .exchange().expectStatus().isCreated();
        Map<?, ?> session = test.web.post().uri("/api/v1/auth/worker-sessions").bodyValue(Map.of("badge_code", badge, "pin", "1357"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        DockFloor floor = new DockFloor(test, world, (String) session.get("token"));
        world.worker(test).post().uri("/api/v1/receipts").header("Idempotency-Key", "dock-stock-in")
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", units, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
        world.worker(test).post().uri("/api/v1/moves").header("Idempotency-Key", "dock-stock-away")
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", units,
                        "from_location_code", "DOCK-1", "to_location_code", "A-01-01-A"))
                .exchange().expectStatus().isCreated();
        return floor;
    }

    WebTestClient packer() {
        return test.as(packerToken);
    }

    WebTestClient supervisor() {
        return world.worker(test);
    }

    /** Places an order of one TEE-M-NAVY per entry (the shopper's carrier service, or null) and returns their ids. */
    List<String> orders(String... carrierServices) {
        List<String> ids = new ArrayList<>();
        for (String service : carrierServices) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("customer", Map.of("name", "Ona Petraitytė", "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius",
                    "postal_code", "01103", "country", "LT", "latitude", 54.6872, "longitude", 25.2797)));
            body.put("lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1)));
            body.put("service_level", "standard");
            if (service != null) {
                body.put("carrier_service", service);
            }
            Map<?, ?> order = world.merchant(test).post().uri("/api/v1/orders").header("Idempotency-Key", "dock-order-" + (++keys))
                    .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(order.get("status")).isEqualTo("allocated");
            ids.add((String) order.get("id"));
        }
        return ids;
    }

    /** Waves every allocated order of the node, releases the wave and picks every task. */
    void waveAndPick() {
        WavePicking.waveAndPickEverything(supervisor(), packer());
    }

    /** Packs the picked order into one carton, closes it and waits for its label; returns the shipment. */
    Map<?, ?> packAndLabel(String orderId) {
        Map<?, ?> session = packer().post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", "PACK-1", "order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String cartonId = (String) packer().post().uri("/api/v1/pack-sessions/{id}/cartons", session.get("id")).bodyValue(Map.of("order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        packer().post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", "pack-" + cartonId)
                .bodyValue(Map.of("sku", "TEE-M-NAVY")).exchange().expectStatus().isOk();
        packer().post().uri("/api/v1/cartons/{id}/close", cartonId)
                .bodyValue(Map.of("length_mm", 310, "width_mm", 260, "height_mm", 30, "weight_grams", 180))
                .exchange().expectStatus().isOk();
        Map<?, ?> shipment = Eventually.until(() -> packer().get().uri("/api/v1/cartons/{id}/shipment", cartonId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody(), read -> !"label_pending".equals(read.get("status")));
        assertThat(shipment.get("status")).as("label failure %s", shipment.get("failure_reason")).isEqualTo("labelled");
        return shipment;
    }

    String orderStatus(String orderId) {
        return (String) world.merchant(test).get().uri("/api/v1/orders/{id}", orderId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("status");
    }

    @SuppressWarnings("unchecked")
    static List<Map<?, ?>> maps(Object list) {
        return (List<Map<?, ?>>) list;
    }
}
