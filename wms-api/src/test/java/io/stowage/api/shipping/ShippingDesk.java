package io.stowage.api.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.World;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A {@link World} that ships: an order to the customer's address in Lithuania and cartons closed
 * for it, whose shipments the tests follow through the HTTP API.
 */
final class ShippingDesk {

    final ApiTest test;
    final World world;
    final UUID nodeId;
    final UUID merchantId;

    private ShippingDesk(ApiTest test, World world, UUID nodeId) {
        this.test = test;
        this.world = world;
        this.nodeId = nodeId;
        this.merchantId = UUID.fromString(world.merchantId);
    }

    static ShippingDesk create(ApiTest test) {
        World world = World.create(test);
        Map<?, ?> node = test.admin().get().uri("/api/v1/nodes/{code}", world.node).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return new ShippingDesk(test, world, UUID.fromString((String) node.get("id")));
    }

    WebTestClient merchant() {
        return world.merchant(test);
    }

    WebTestClient supervisor() {
        return world.worker(test);
    }

    /** An order of one tee to Vilnius (backordered: shipping does not mind), with the shopper's carrier service if given. */
    UUID order(String carrierService) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "customer", Map.of("name", "Ona Petraitytė", "email", "ona@example.lt",
                        "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius", "postal_code", "01103", "country", "LT",
                                "latitude", 54.6872, "longitude", 25.2797)),
                "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1)), "service_level", "standard", "channel", "web"));
        if (carrierService != null) {
            body.put("carrier_service", carrierService);
        }
        Map<?, ?> order = merchant().post().uri("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) order.get("id"));
    }

    /** Closes a carton of the order on the given instance and returns the carton id. */
    UUID closeCarton(ApplicationContext instance, UUID orderId, int cartonNumber, int weightGrams) {
        UUID cartonId = UUID.randomUUID();
        UUID shipmentId = instance.getBean(ShipmentOpening.class).open(new ShipmentOpening.Carton(cartonId, merchantId, nodeId, orderId,
                orderId.toString().substring(0, 8), cartonNumber, 320, 240, 90, weightGrams)).block();
        assertThat(shipmentId).as("shipment opened for carton %s", cartonId).isNotNull();
        // Written outside any transaction, so committed at once; a failure here rather than a 404 from the API tells the two apart.
        UUID storedNode = instance.getBean(DatabaseClient.class).sql("SELECT node_id FROM shipments WHERE id = :id").bind("id", shipmentId)
                .map(row -> row.get("node_id", UUID.class)).one().block();
        assertThat(storedNode).as("node of shipment %s as stored", shipmentId).isEqualTo(nodeId);
        return cartonId;
    }

    Map<?, ?> shipmentOfCarton(UUID cartonId) {
        return supervisor().get().uri("/api/v1/cartons/{id}/shipment", cartonId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Waits until the carton's label purchase has an outcome (labelled or label_failed). */
    Map<?, ?> awaitPurchase(UUID cartonId) {
        return Eventually.until(() -> shipmentOfCarton(cartonId), shipment -> !"label_pending".equals(shipment.get("status")));
    }

    Map<?, ?> awaitLabelled(UUID cartonId) {
        Map<?, ?> shipment = awaitPurchase(cartonId);
        assertThat(shipment.get("status")).as("shipment %s failed: %s", shipment.get("id"), shipment.get("failure_reason"))
                .isEqualTo("labelled");
        return shipment;
    }

    byte[] label(Object shipmentId, String format) {
        return supervisor().get().uri(format == null ? "/api/v1/shipments/{id}/label" : "/api/v1/shipments/{id}/label?format=" + format,
                        shipmentId)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    List<Map<?, ?>> events(String type) {
        Map<?, ?> page = merchant().get().uri("/api/v1/events?type={type}", type).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<?, ?>> items = (List<Map<?, ?>>) page.get("items");
        return items;
    }
}
