package io.stowage.api.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A small warehouse world built through the public API, as a new 3PL would set it up: a merchant
 * with a catalog, a warehouse with a dock and a few storage locations, and a supervisor who can
 * also receive. Each world uses its own codes, so several can live in one database.
 */
public final class World {

    private static final AtomicInteger NEXT = new AtomicInteger();

    public final String merchantKey;
    public final String merchantId;
    public final String node;
    public final String workerToken;
    public final String badge;

    private World(String merchantKey, String merchantId, String node, String workerToken, String badge) {
        this.merchantKey = merchantKey;
        this.merchantId = merchantId;
        this.node = node;
        this.workerToken = workerToken;
        this.badge = badge;
    }

    /** Valid GTIN-13s with correct check digits, one per variant the world creates. */
    public static final List<String> GTINS = List.of("4006381333931", "5901234123457", "4012345678901");

    @SuppressWarnings("unchecked")
    public static World create(ApiTest test) {
        int n = NEXT.incrementAndGet();
        String merchantKey = test.newMerchant("Merchant " + n);
        Map<String, Object> merchant = test.as(merchantKey).get().uri("/api/v1/merchant").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String node = "VNO" + n;
        test.admin().post().uri("/api/v1/nodes").bodyValue(Map.of(
                        "code", node, "kind", "warehouse", "name", "Vilnius " + n,
                        "address", Map.of("line", "Savanorių pr. 178", "city", "Vilnius", "postal_code", "03154", "country", "LT"),
                        "latitude", 54.6719, "longitude", 25.2421, "time_zone", "Europe/Vilnius"))
                .exchange().expectStatus().isCreated();
        test.admin().post().uri("/api/v1/nodes/{code}/locations", node).bodyValue(Map.of("locations", List.of(
                        Map.of("code", "DOCK-1", "type", "dock", "x_mm", 0, "y_mm", 0),
                        Map.of("code", "A-01-01-A", "type", "pick_face", "aisle", 1, "bay", 1, "level", 1, "x_mm", 3000, "y_mm", 600),
                        Map.of("code", "A-01-02-A", "type", "reserve", "aisle", 1, "bay", 2, "level", 1, "x_mm", 3000, "y_mm", 1800),
                        Map.of("code", "A-02-09-A", "type", "reserve", "aisle", 2, "bay", 9, "level", 1, "x_mm", 6000, "y_mm", 10200))))
                .exchange().expectStatus().isCreated();
        String badge = "B" + (1000 + n);
        test.admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of(
                        "badge_code", badge, "name", "Rūta " + n, "pin", "4321", "node_code", node,
                        "roles", List.of("receiver", "supervisor")))
                .exchange().expectStatus().isCreated();
        Map<String, Object> session = test.web.post().uri("/api/v1/auth/worker-sessions")
                .bodyValue(Map.of("badge_code", badge, "pin", "4321", "device_id", "RF-" + n))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        test.as(merchantKey).put().uri("/api/v1/products/{code}", "TEE").bodyValue(Map.of(
                        "name", "Linen tee",
                        "variants", List.of(
                                variant("TEE-M-NAVY", "M", "Navy", GTINS.get(0), List.of("TEE-L-NAVY")),
                                variant("TEE-L-NAVY", "L", "Navy", GTINS.get(1), List.of()),
                                variant("TEE-S-SAND", "S", "Sand", GTINS.get(2), List.of()))))
                .exchange().expectStatus().is2xxSuccessful();
        return new World(merchantKey, (String) merchant.get("id"), node, (String) session.get("token"), badge);
    }

    private static Map<String, Object> variant(String sku, String size, String colour, String gtin, List<String> alternatives) {
        return Map.of("sku", sku, "name", "Linen tee " + size + " " + colour,
                "attributes", Map.of("size", size, "colour", colour), "gtins", List.of(gtin),
                "weight_g", 180, "length_mm", 300, "width_mm", 250, "height_mm", 20,
                "low_stock_threshold", 3, "alternatives", alternatives);
    }

    public WebTestClient merchant(ApiTest test) {
        return test.as(merchantKey);
    }

    public WebTestClient worker(ApiTest test) {
        return test.as(workerToken);
    }
}
