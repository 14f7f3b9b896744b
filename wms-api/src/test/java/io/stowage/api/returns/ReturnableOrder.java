package io.stowage.api.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.packing.PackingFloor;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A new merchant shipping with the sandbox carrier only (whose return labels come with a drop-off QR
 * code) and its order of two tees for Ona in Vilnius, picked, packed into one carton, labelled and
 * shipped (its load's manifest closed); one more navy tee in size L waits on the shelf, for an
 * exchange. The merchant's return policy: 30 days, reasons changed_mind, wrong_size and damaged,
 * the merchant pays the label, exchanges allowed.
 */
public final class ReturnableOrder {

    static final String EMAIL = "Ona.Petraityte@example.com";
    static final String POSTAL_CODE = "01103";

    public final PackingFloor floor;
    public final String orderId;
    public final String shipmentId;
    final String token;

    private ReturnableOrder(PackingFloor floor, String orderId, String shipmentId, String token) {
        this.floor = floor;
        this.orderId = orderId;
        this.shipmentId = shipmentId;
        this.token = token;
    }

    public WebTestClient merchant(ApiTest test) {
        return floor.world.merchant(test);
    }

    public static ReturnableOrder shipped(ApiTest test, TrackingTokens tokens) {
        return labelled(test).ship(test, tokens);
    }

    /** The order up to its carton's label: picked, packed and labelled on the sandbox, its load not closed yet. */
    public static Labelled labelled(ApiTest test) {
        PackingFloor floor = PackingFloor.create(test);
        WebTestClient merchant = floor.world.merchant(test);
        merchant.post().uri("/api/v1/carrier-accounts").bodyValue(Map.of("carrier", "sandbox")).exchange().expectStatus().isCreated();
        policy(merchant, 30, List.of());
        floor.stock("TEE-M-NAVY", "P-03-01-A", 1);
        floor.stock("TEE-S-SAND", "P-03-02-A", 1);
        Map<?, ?> order = merchant.post().uri("/api/v1/orders").header("Idempotency-Key", "order-" + UUID.randomUUID())
                .bodyValue(Map.of("customer", Map.of("name", "Ona Petraitytė", "email", EMAIL, "address", Map.of("line", "Gedimino pr. 1",
                                "city", "Vilnius", "postal_code", POSTAL_CODE, "country", "LT", "latitude", 54.6872, "longitude", 25.2797)),
                        "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1), Map.of("sku", "TEE-S-SAND", "quantity", 1)),
                        "service_level", "standard", "channel", "web"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String orderId = (String) order.get("id");
        floor.pickEverything();
        floor.stock("TEE-L-NAVY", "P-03-03-A", 1);
        Map<?, ?> session = floor.packer().post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String cartonId = (String) floor.packer().post().uri("/api/v1/pack-sessions/{id}/cartons", session.get("id")).bodyValue(Map.of("order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        for (String sku : List.of("TEE-M-NAVY", "TEE-S-SAND")) {
            floor.packer().post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", "pack-" + cartonId + sku)
                    .bodyValue(Map.of("sku", sku)).exchange().expectStatus().isOk();
        }
        floor.packer().post().uri("/api/v1/cartons/{id}/close", cartonId)
                .bodyValue(Map.of("length_mm", 310, "width_mm", 260, "height_mm", 50, "weight_grams", 360))
                .exchange().expectStatus().isOk();
        Map<?, ?> shipment = Eventually.until(() -> floor.packer().get().uri("/api/v1/cartons/{id}/shipment", cartonId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody(), read -> !"label_pending".equals(read.get("status")));
        assertThat(shipment.get("status")).as("label failure %s", shipment.get("failure_reason")).isEqualTo("labelled");
        assertThat(shipment.get("carrier")).isEqualTo("sandbox");
        return new Labelled(floor, orderId, (String) shipment.get("id"), (String) shipment.get("sscc"), (String) shipment.get("tracking_number"));
    }

    /** The order with its one carton labelled, waiting at the dock. */
    public record Labelled(PackingFloor floor, String orderId, String shipmentId, String sscc, String trackingNumber) {

        /** The carton goes onto a sandbox load whose manifest closes: the order is shipped. */
        public ReturnableOrder ship(ApiTest test, TrackingTokens tokens) {
            WebTestClient supervisor = floor.world.worker(test);
            String loadId = (String) supervisor.post().uri("/api/v1/loads").bodyValue(Map.of("carrier", "sandbox", "dock_code", "DOCK-1"))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
            supervisor.post().uri("/api/v1/loads/{id}/cartons", loadId).header("Idempotency-Key", "load-" + shipmentId)
                    .bodyValue(Map.of("sscc", sscc)).exchange().expectStatus().isCreated();
            supervisor.post().uri("/api/v1/loads/{id}/close", loadId).header("Idempotency-Key", "close-" + loadId).exchange().expectStatus().isOk();
            String token = tokens.forShipment(UUID.fromString(shipmentId)).block(Duration.ofSeconds(10)).token();
            return new ReturnableOrder(floor, orderId, shipmentId, token);
        }
    }

    static void policy(WebTestClient merchant, int days, List<String> nonReturnable) {
        merchant.put().uri("/api/v1/return-policy").bodyValue(Map.of("window_days", days, "non_returnable_skus", nonReturnable,
                        "reasons", List.of("changed_mind", "wrong_size", "damaged"), "label_paid_by", "merchant", "exchanges_allowed", true))
                .exchange().expectStatus().isOk();
    }
}
