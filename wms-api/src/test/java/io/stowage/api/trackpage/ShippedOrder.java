package io.stowage.api.trackpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.packing.PackingFloor;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order of two tees for Ona in Vilnius, picked and packed into two cartons, each labelled with the
 * sandbox carrier: two parcels, each with its public tracking token (in carton order). The merchant is
 * branded "Linen & Co." in {@link #BRAND_COLOUR}.
 */
final class ShippedOrder {

    static final String EMAIL = "Ona.Petraityte@example.com";
    static final String POSTAL_CODE = "01103";
    static final String STREET = "Gedimino pr. 1";
    static final String NAME = "Ona Petraitytė";
    static final String BRAND = "Linen & Co.";
    static final String BRAND_COLOUR = "#ffd400";

    final PackingFloor floor;
    final String orderId;
    final String orderNumber;
    final List<String> shipmentIds;
    final List<String> tokens;

    private ShippedOrder(PackingFloor floor, String orderId, String orderNumber, List<String> shipmentIds, List<String> tokens) {
        this.floor = floor;
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.shipmentIds = shipmentIds;
        this.tokens = tokens;
    }

    /** A new branded merchant's floor and its first order. */
    static ShippedOrder create(ApiTest test, TrackingTokens trackingTokens) {
        PackingFloor floor = PackingFloor.create(test);
        test.admin().patch().uri("/api/v1/admin/merchants/{id}", floor.world.merchantId)
                .bodyValue(Map.of("brand_name", BRAND, "brand_colour", BRAND_COLOUR.toUpperCase(java.util.Locale.ROOT)))
                .exchange().expectStatus().isOk();
        // The sandbox only: its parcels take carrier webhooks the tests send, and no day plan (which plans
        // the demo's rate-card carriers while the cartons close) can put a parcel on another carrier.
        floor.world.merchant(test).post().uri("/api/v1/carrier-accounts").bodyValue(Map.of("carrier", "sandbox"))
                .exchange().expectStatus().isCreated();
        return on(floor, test, trackingTokens);
    }

    /** Another order like it, on the same floor. */
    ShippedOrder another(ApiTest test, TrackingTokens trackingTokens) {
        return on(floor, test, trackingTokens);
    }

    private static ShippedOrder on(PackingFloor floor, ApiTest test, TrackingTokens trackingTokens) {
        floor.stock("TEE-M-NAVY", "P-03-01-A", 1);
        floor.stock("TEE-L-NAVY", "P-03-02-A", 1);
        Map<?, ?> order = floor.world.merchant(test).post().uri("/api/v1/orders").header("Idempotency-Key", "order-" + UUID.randomUUID())
                .bodyValue(Map.of("customer", Map.of("name", NAME, "email", EMAIL, "address", Map.of("line", STREET, "city", "Vilnius",
                                "postal_code", POSTAL_CODE, "country", "LT", "latitude", 54.6872, "longitude", 25.2797)),
                        "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1), Map.of("sku", "TEE-L-NAVY", "quantity", 1)),
                        "service_level", "standard", "channel", "web"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String orderId = (String) order.get("id");
        floor.pickEverything();
        Map<?, ?> session = floor.packer().post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        List<String> shipmentIds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String orderNumber = null;
        for (String sku : List.of("TEE-M-NAVY", "TEE-L-NAVY")) {
            String cartonId = (String) floor.packer().post().uri("/api/v1/pack-sessions/{id}/cartons", session.get("id")).bodyValue(Map.of("order_id", orderId))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
            floor.packer().post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", "pack-" + cartonId)
                    .bodyValue(Map.of("sku", sku)).exchange().expectStatus().isOk();
            floor.packer().post().uri("/api/v1/cartons/{id}/close", cartonId)
                    .bodyValue(Map.of("length_mm", 310, "width_mm", 260, "height_mm", 30, "weight_grams", 180))
                    .exchange().expectStatus().isOk();
            Map<?, ?> shipment = Eventually.until(() -> floor.packer().get().uri("/api/v1/cartons/{id}/shipment", cartonId).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody(), read -> !"label_pending".equals(read.get("status")));
            assertThat(shipment.get("status")).as("label failure %s", shipment.get("failure_reason")).isEqualTo("labelled");
            shipmentIds.add((String) shipment.get("id"));
            orderNumber = (String) shipment.get("order_number");
            tokens.add(trackingTokens.forShipment(UUID.fromString((String) shipment.get("id"))).block().token());
        }
        return new ShippedOrder(floor, orderId, orderNumber, shipmentIds, tokens);
    }
}
