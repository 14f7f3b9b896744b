package io.stowage.api.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** The two read routes stores and workers lean on: stock nearby, nearest first, and where to put a received unit away. */
class NearbyAndPutawayTest extends ApiTest {

    static final double SHOPPER_LAT = 54.6872;
    static final double SHOPPER_LON = 25.2797;

    @Test
    void nearbyStockListsNodesWithSellableUnitsNearestFirstWithinTheRadius() {
        World world = World.create(this);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // The world's own warehouse (54.6719, 25.2421) has none of the SKU; three more nodes, one without stock.
        String city = node(world, "CTY" + suffix, "store", 54.6800, 25.2700, 4);
        String trakai = node(world, "TRK" + suffix, "store", 54.6378, 24.9343, 2);
        String kaunas = node(world, "KUN" + suffix, "warehouse", 54.8985, 23.9036, 9);
        node(world, "EMP" + suffix, "store", 54.6880, 25.2800, 0);

        List<Map<String, Object>> within50 = nearby(world.merchantKey, "?sku=TEE-S-SAND&latitude=" + SHOPPER_LAT + "&longitude=" + SHOPPER_LON);
        assertThat(within50).extracting(n -> n.get("node_code")).containsExactly(city, trakai);
        assertThat(within50).extracting(n -> n.get("available")).containsExactly(4, 2);
        assertThat(((Number) within50.get(0).get("distance_km")).doubleValue()).isCloseTo(km(54.6800, 25.2700), within(0.15));
        assertThat(((Number) within50.get(1).get("distance_km")).doubleValue()).isCloseTo(km(54.6378, 24.9343), within(0.15));

        List<Map<String, Object>> within150 = nearby(world.merchantKey,
                "?sku=TEE-S-SAND&latitude=" + SHOPPER_LAT + "&longitude=" + SHOPPER_LON + "&radius_km=150");
        assertThat(within150).extracting(n -> n.get("node_code")).containsExactly(city, trakai, kaunas);
        assertThat(((Number) within150.get(2).get("distance_km")).doubleValue()).isCloseTo(km(54.8985, 23.9036), within(0.15));

        List<Map<String, Object>> warehouses = nearby(world.merchantKey,
                "?sku=TEE-S-SAND&latitude=" + SHOPPER_LAT + "&longitude=" + SHOPPER_LON + "&radius_km=150&kind=warehouse");
        assertThat(warehouses).extracting(n -> n.get("node_code")).containsExactly(kaunas);

        // Another merchant sees none of it, even asking for the same SKU.
        String other = newMerchant("Nearby other " + suffix);
        assertThat(nearby(other, "?sku=TEE-S-SAND&latitude=" + SHOPPER_LAT + "&longitude=" + SHOPPER_LON + "&radius_km=500")).isEmpty();
        as(world.merchantKey).get().uri("/api/v1/availability/nearby?sku=TEE-S-SAND&latitude=91&longitude=0").exchange()
                .expectStatus().isEqualTo(422);
    }

    @Test
    void putawaySuggestsThePickFaceOfTheVariantElseTheNearestEmptyLocation() {
        World world = World.create(this);
        admin().post().uri("/api/v1/nodes/{code}/locations", world.node).bodyValue(Map.of("locations", List.of(
                        Map.of("code", "A-03-09-A", "type", "pick_face", "aisle", 3, "bay", 9, "level", 1, "x_mm", 9000, "y_mm", 10200))))
                .exchange().expectStatus().isCreated();
        // From the dock (0, 0): the empty pick face A-01-01-A (3000, 600) is nearest, then A-01-02-A (3000, 1800).
        suggestion(world, "TEE-S-SAND").containsEntry("location_code", "A-01-01-A").containsEntry("reason", "nearest_free");

        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", "putaway-" + UUID.randomUUID())
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-S-SAND", "quantity", 3, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
        world.worker(this).post().uri("/api/v1/moves").header("Idempotency-Key", "putaway-" + UUID.randomUUID())
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-S-SAND", "quantity", 3,
                        "from_location_code", "DOCK-1", "to_location_code", "A-01-01-A"))
                .exchange().expectStatus().isCreated();
        // A-01-01-A now holds stock, so the next empty one is suggested.
        suggestion(world, "TEE-S-SAND").containsEntry("location_code", "A-01-02-A").containsEntry("reason", "nearest_free");

        // A variant with a pick face goes there, however far.
        admin().patch().uri("/api/v1/nodes/{code}/locations/{location}", world.node, "A-03-09-A")
                .bodyValue(Map.of("pick_face", Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY")))
                .exchange().expectStatus().isOk();
        suggestion(world, "TEE-M-NAVY").containsEntry("location_code", "A-03-09-A").containsEntry("reason", "pick_face");
        // ... and that pick face is no longer free for others.
        suggestion(world, "TEE-L-NAVY").containsEntry("location_code", "A-01-02-A");

        world.worker(this).get().uri("/api/v1/putaway-suggestions?location_code=NOWHERE&sku=TEE-S-SAND&merchant_id=" + world.merchantId)
                .exchange().expectStatus().isEqualTo(422);
        world.merchant(this).get().uri("/api/v1/putaway-suggestions?location_code=DOCK-1&sku=TEE-S-SAND").exchange()
                .expectStatus().isForbidden();
    }

    private org.assertj.core.api.MapAssert<String, Object> suggestion(World world, String sku) {
        Map<String, Object> suggestion = world.worker(this).get()
                .uri("/api/v1/putaway-suggestions?location_code=DOCK-1&sku={sku}&merchant_id={merchant}", sku, world.merchantId)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return assertThat(suggestion);
    }

    private List<Map<String, Object>> nearby(String key, String query) {
        return as(key).get().uri("/api/v1/availability/nearby" + query).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
    }

    /** A node with a dock and a receiver, holding {@code units} of TEE-S-SAND. */
    private String node(World world, String code, String kind, double latitude, double longitude, int units) {
        admin().post().uri("/api/v1/nodes").bodyValue(Map.of("code", code, "kind", kind, "name", code,
                        "address", Map.of("line", "Street 1", "city", "City", "postal_code", "01001", "country", "LT"),
                        "latitude", latitude, "longitude", longitude, "time_zone", "Europe/Vilnius"))
                .exchange().expectStatus().isCreated();
        admin().post().uri("/api/v1/nodes/{code}/locations", code).bodyValue(Map.of("locations", List.of(
                        Map.of("code", "DOCK-1", "type", "dock", "x_mm", 0, "y_mm", 0))))
                .exchange().expectStatus().isCreated();
        if (units > 0) {
            String badge = "NB" + code;
            admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of("badge_code", badge, "name", "Receiver " + code, "pin", "4321",
                            "node_code", code, "roles", List.of("receiver")))
                    .exchange().expectStatus().isCreated();
            Map<String, Object> session = web.post().uri("/api/v1/auth/worker-sessions")
                    .bodyValue(Map.of("badge_code", badge, "pin", "4321", "device_id", "RF-" + code))
                    .exchange().expectStatus().isCreated()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
            as((String) session.get("token")).post().uri("/api/v1/receipts").header("Idempotency-Key", "nearby-" + UUID.randomUUID())
                    .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-S-SAND", "quantity", units, "location_code", "DOCK-1"))
                    .exchange().expectStatus().isCreated();
        }
        return code;
    }

    /** Great-circle distance from the shopper, by the haversine formula on the mean Earth radius. */
    private static double km(double latitude, double longitude) {
        double dLat = Math.toRadians(latitude - SHOPPER_LAT);
        double dLon = Math.toRadians(longitude - SHOPPER_LON);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(SHOPPER_LAT)) * Math.cos(Math.toRadians(latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    }
}
