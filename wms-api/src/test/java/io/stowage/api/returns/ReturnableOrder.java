package io.stowage.api.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.packing.PackingFloor;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
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
        return labelled(test).ship(tokens);
    }

    /** The order up to its carton's label: picked, packed and labelled on the sandbox, its load not closed yet. */
    public static Labelled labelled(ApiTest test) {
        Parcels parcels = Parcels.placed(test, floor(test), Map.of("email", EMAIL), null);
        return new Labelled(parcels, parcels.label("TEE-M-NAVY", "TEE-S-SAND"));
    }

    /** The order with its one carton labelled, waiting at the dock. */
    public record Labelled(Parcels parcels, String shipmentId) {

        public PackingFloor floor() {
            return parcels.floor;
        }

        public String orderId() {
            return parcels.orderId;
        }

        public String trackingNumber() {
            return parcels.trackingNumber(shipmentId);
        }

        /** The carton goes onto a sandbox load whose manifest closes: the order is shipped. */
        public ReturnableOrder ship(TrackingTokens tokens) {
            parcels.ship(shipmentId);
            String token = tokens.forShipment(UUID.fromString(shipmentId)).block(Duration.ofSeconds(10)).token();
            return new ReturnableOrder(parcels.floor, parcels.orderId, shipmentId, token);
        }
    }

    /**
     * A new merchant's floor shipping with the sandbox carrier only, under the return policy above, with
     * one navy M tee and one sand S tee on pick faces; the merchant's other settings (SMTP, webhooks) may
     * be made before its order is placed.
     */
    public static PackingFloor floor(ApiTest test) {
        PackingFloor floor = PackingFloor.create(test);
        WebTestClient merchant = floor.world.merchant(test);
        merchant.post().uri("/api/v1/carrier-accounts").bodyValue(Map.of("carrier", "sandbox")).exchange().expectStatus().isCreated();
        policy(merchant, 30, List.of());
        floor.stock("TEE-M-NAVY", "P-03-01-A", 1);
        floor.stock("TEE-S-SAND", "P-03-02-A", 1);
        return floor;
    }

    /**
     * Ona's order of the two tees on a {@link #floor}, picked and waiting at the pack station in an open
     * pack session, with one navy L tee on the shelf for an exchange; {@link #label} packs and labels its
     * parcels one at a time, {@link #ship} ships them once the order is packed.
     */
    public static final class Parcels {

        private final ApiTest test;
        public final PackingFloor floor;
        public final String orderId;
        private final String sessionId;
        private final Map<String, Map<?, ?>> labelled = new HashMap<>();

        private Parcels(ApiTest test, PackingFloor floor, String orderId, String sessionId) {
            this.test = test;
            this.floor = floor;
            this.orderId = orderId;
            this.sessionId = sessionId;
        }

        /**
         * Places and picks the order; {@code customer} adds to or overrides Ona's name and address (her
         * email, language, channel), and {@code promisedOn}, when given, is the delivery date promised at checkout.
         */
        public static Parcels placed(ApiTest test, PackingFloor floor, Map<String, Object> customer, LocalDate promisedOn) {
            Map<String, Object> ona = new HashMap<>(Map.of("name", "Ona Petraitytė", "address", Map.of("line", "Gedimino pr. 1",
                    "city", "Vilnius", "postal_code", POSTAL_CODE, "country", "LT", "latitude", 54.6872, "longitude", 25.2797)));
            ona.putAll(customer);
            Map<String, Object> body = new HashMap<>(Map.of("customer", ona,
                    "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1), Map.of("sku", "TEE-S-SAND", "quantity", 1)),
                    "service_level", "standard", "channel", "web"));
            if (promisedOn != null) {
                body.put("promised_on", promisedOn.toString());
            }
            Map<?, ?> order = floor.world.merchant(test).post().uri("/api/v1/orders").header("Idempotency-Key", "order-" + UUID.randomUUID())
                    .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            String orderId = (String) order.get("id");
            floor.pickEverything();
            floor.stock("TEE-L-NAVY", "P-03-03-A", 1);
            Map<?, ?> session = floor.packer().post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", orderId))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            return new Parcels(test, floor, orderId, (String) session.get("id"));
        }

        /**
         * Packs the SKUs (one unit each) into a carton of the order, closes it and waits for its sandbox
         * label (the sandbox collects a labelled parcel at once: its journey starts): answers the shipment's id.
         */
        public String label(String... skus) {
            WebTestClient packer = floor.packer();
            String cartonId = (String) packer.post().uri("/api/v1/pack-sessions/{id}/cartons", sessionId).bodyValue(Map.of("order_id", orderId))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
            for (String sku : skus) {
                packer.post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", "pack-" + cartonId + sku)
                        .bodyValue(Map.of("sku", sku)).exchange().expectStatus().isOk();
            }
            packer.post().uri("/api/v1/cartons/{id}/close", cartonId)
                    .bodyValue(Map.of("length_mm", 310, "width_mm", 260, "height_mm", 25 * skus.length, "weight_grams", 180 * skus.length))
                    .exchange().expectStatus().isOk();
            Map<?, ?> shipment = Eventually.until(() -> packer.get().uri("/api/v1/cartons/{id}/shipment", cartonId).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody(), read -> !"label_pending".equals(read.get("status")));
            assertThat(shipment.get("status")).as("label failure %s", shipment.get("failure_reason")).isEqualTo("labelled");
            assertThat(shipment.get("carrier")).isEqualTo("sandbox");
            String shipmentId = (String) shipment.get("id");
            labelled.put(shipmentId, shipment);
            return shipmentId;
        }

        /** The carrier's tracking number of a parcel {@link #label} labelled. */
        public String trackingNumber(String shipmentId) {
            return (String) labelled.get(shipmentId).get("tracking_number");
        }

        /** Ships the labelled parcels of the packed order: loaded at the dock onto one load, whose manifest is closed. */
        public void ship(String... shipmentIds) {
            WebTestClient supervisor = floor.world.worker(test);
            String loadId = (String) supervisor.post().uri("/api/v1/loads").bodyValue(Map.of("carrier", "sandbox", "dock_code", "DOCK-1"))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
            for (String shipmentId : shipmentIds) {
                supervisor.post().uri("/api/v1/loads/{id}/cartons", loadId).header("Idempotency-Key", "load-" + shipmentId)
                        .bodyValue(Map.of("sscc", labelled.get(shipmentId).get("sscc"))).exchange().expectStatus().isCreated();
            }
            supervisor.post().uri("/api/v1/loads/{id}/close", loadId).header("Idempotency-Key", "close-" + loadId).exchange().expectStatus().isOk();
        }
    }

    static void policy(WebTestClient merchant, int days, List<String> nonReturnable) {
        merchant.put().uri("/api/v1/return-policy").bodyValue(Map.of("window_days", days, "non_returnable_skus", nonReturnable,
                        "reasons", List.of("changed_mind", "wrong_size", "damaged"), "label_paid_by", "merchant", "exchanges_allowed", true))
                .exchange().expectStatus().isOk();
    }
}
