package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.barcodes.gs1.Gs1CheckDigit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A warehouse set up through the public API for the handheld's tests: a merchant with a tee in two
 * sizes and a lot- and expiry-tracked product (each with a GTIN of its own), a warehouse with a dock,
 * a pack station and two reserve aisles (P-03-01-A ... P-04-05-A), a receiver who supervises and a
 * picker, each with a badge the scanner reads as one.
 */
final class HandheldFloor {

    static final String RECEIVER_PIN = "2468";
    static final String PICKER_PIN = "1357";
    static final String OTHER_PIN = "8642";

    final ApiTest test;
    final String merchantKey;
    final String merchantId;
    final String node;
    final String receiverBadge;
    final String pickerBadge;
    /** SKU to the GTIN-13 printed on its units. */
    final Map<String, String> gtins;

    private HandheldFloor(ApiTest test, String merchantKey, String merchantId, String node, String receiverBadge, String pickerBadge,
                          Map<String, String> gtins) {
        this.test = test;
        this.merchantKey = merchantKey;
        this.merchantId = merchantId;
        this.node = node;
        this.receiverBadge = receiverBadge;
        this.pickerBadge = pickerBadge;
        this.gtins = gtins;
    }

    @SuppressWarnings("unchecked")
    static HandheldFloor create(ApiTest test) {
        String merchantKey = test.newMerchant("Handheld merchant");
        Map<String, Object> merchant = test.as(merchantKey).get().uri("/api/v1/merchant").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String node = ApiTest.unique("HH");
        test.admin().post().uri("/api/v1/nodes").bodyValue(Map.of(
                        "code", node, "kind", "warehouse", "name", "Handheld test warehouse",
                        "address", Map.of("line", "Savanorių pr. 178", "city", "Vilnius", "postal_code", "03154", "country", "LT"),
                        "latitude", 54.6719, "longitude", 25.2421, "time_zone", "Europe/Vilnius"))
                .exchange().expectStatus().isCreated();
        test.admin().post().uri("/api/v1/nodes/{code}/zones", node).bodyValue(Map.of("code", "P", "name", "Shelving"))
                .exchange().expectStatus().isCreated();
        test.admin().post().uri("/api/v1/nodes/{code}/rack-layouts", node).bodyValue(Map.of(
                        "zone_code", "P", "type", "reserve", "aisles", Map.of("from", 3, "to", 4), "bays", Map.of("from", 1, "to", 5),
                        "levels", List.of("A"), "aisle_pitch_mm", 3000, "bay_width_mm", 1200,
                        "origin", Map.of("x_mm", 3000, "y_mm", 0), "both_sides", true))
                .exchange().expectStatus().isCreated();
        test.admin().post().uri("/api/v1/nodes/{code}/locations", node).bodyValue(Map.of("locations", List.of(
                        Map.of("code", "DOCK-1", "type", "dock", "x_mm", 0, "y_mm", -3000),
                        Map.of("code", "PACK-1", "type", "pack_station", "x_mm", 6000, "y_mm", -2000))))
                .exchange().expectStatus().isCreated();
        Map<String, String> gtins = Map.of("TEE-M-NAVY", newGtin13(), "TEE-L-NAVY", newGtin13(), "MILK-1L", newGtin13());
        test.as(merchantKey).put().uri("/api/v1/products/{code}", "TEE").bodyValue(Map.of("name", "Linen tee", "variants", List.of(
                        variant("TEE-M-NAVY", "Linen tee M navy", gtins.get("TEE-M-NAVY"), false),
                        variant("TEE-L-NAVY", "Linen tee L navy", gtins.get("TEE-L-NAVY"), false))))
                .exchange().expectStatus().is2xxSuccessful();
        test.as(merchantKey).put().uri("/api/v1/products/{code}", "MILK").bodyValue(Map.of("name", "Oat milk", "variants", List.of(
                        variant("MILK-1L", "Oat milk 1 l", gtins.get("MILK-1L"), true))))
                .exchange().expectStatus().is2xxSuccessful();
        String receiver = badge();
        String picker = badge();
        worker(test, receiver, RECEIVER_PIN, node, List.of("receiver", "supervisor"));
        worker(test, picker, PICKER_PIN, node, List.of("picker"));
        return new HandheldFloor(test, merchantKey, (String) merchant.get("id"), node, receiver, picker, gtins);
    }

    private static Map<String, Object> variant(String sku, String name, String gtin, boolean tracked) {
        Map<String, Object> variant = new java.util.HashMap<>(Map.of("sku", sku, "name", name, "gtins", List.of(gtin), "weight_g", 300,
                "length_mm", 200, "width_mm", 150, "height_mm", 50, "lot_tracked", tracked, "expiry_tracked", tracked));
        if (sku.startsWith("TEE-")) {
            variant.put("attributes", Map.of("size", sku.split("-")[1], "colour", "Navy"));
        }
        return variant;
    }

    /** Another worker at the node with these roles and {@link #OTHER_PIN}; returns the badge. */
    String newWorker(String... roles) {
        String badge = badge();
        worker(test, badge, OTHER_PIN, node, List.of(roles));
        return badge;
    }

    /** The merchant's box type (inner size in mm, tare in g) with boxes of it received at the node. */
    void boxes(String code, int length, int width, int height, int tare, int received) {
        merchant().put().uri("/api/v1/box-types/{code}", code).bodyValue(Map.of("name", "Box " + code, "inner_length_mm", length,
                        "inner_width_mm", width, "inner_height_mm", height, "tare_grams", tare, "max_weight_grams", 20_000, "cost_minor", 50,
                        "currency", "EUR"))
                .exchange().expectStatus().is2xxSuccessful();
        merchant().post().uri("/api/v1/box-types/{code}/stock-adjustments", code).header("Idempotency-Key", "boxes-" + code + "-" + node)
                .bodyValue(Map.of("node_code", node, "reason", "received", "quantity", received))
                .exchange().expectStatus().isOk();
    }

    private static void worker(ApiTest test, String badge, String pin, String node, List<String> roles) {
        test.admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of(
                        "badge_code", badge, "name", "Worker " + badge, "pin", pin, "node_code", node, "roles", roles))
                .exchange().expectStatus().isCreated();
    }

    /** A badge the scanner's default pattern reads as one (B and digits), unique in the shared database. */
    private static String badge() {
        return "B" + (1_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999L));
    }

    /** A GTIN-13 in the restricted-circulation range 20-29, unique enough for the shared database, with its check digit. */
    static String newGtin13() {
        String body = "2" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        return body + Gs1CheckDigit.compute(body);
    }

    /** An SSCC (extension digit, then 16 digits unique enough for the shared database) with its check digit. */
    static String newSscc() {
        String body = "0" + String.format("%016d", ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L));
        return body + Gs1CheckDigit.compute(body);
    }

    /** The GS1-128 label of a lot: AIM identifier, GTIN, expiry, then the lot last (no separator needed). */
    String gs1Label(String sku, LocalDate expiry, String lot) {
        return "]C101" + "0" + gtins.get(sku) + "17" + expiry.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "10" + lot;
    }

    WebTestClient merchant() {
        return test.as(merchantKey);
    }

    /** A session of the receiver (who supervises) for the work the handheld does not do, such as planning a wave. */
    WebTestClient supervisor() {
        Map<?, ?> session = test.web.post().uri("/api/v1/auth/worker-sessions")
                .bodyValue(Map.of("badge_code", receiverBadge, "pin", RECEIVER_PIN, "device_id", "desk"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return test.as((String) session.get("token"));
    }

    String asn(String reference, String sku, int quantity) {
        Map<?, ?> asn = merchant().post().uri("/api/v1/asns").bodyValue(Map.of(
                        "reference", reference, "node_code", node, "supplier", "Baltic Linen", "expected_on", LocalDate.now().toString(),
                        "lines", List.of(Map.of("sku", sku, "quantity", quantity))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) asn.get("id");
    }

    /** Stock put on a shelf through the API (for tests whose subject is not receiving). */
    void stock(String sku, String location, int quantity, String lot, LocalDate expiry) {
        WebTestClient supervisor = supervisor();
        Map<String, Object> receipt = new java.util.HashMap<>(Map.of("merchant_id", merchantId, "sku", sku, "quantity", quantity,
                "location_code", "DOCK-1"));
        Map<String, Object> move = new java.util.HashMap<>(Map.of("merchant_id", merchantId, "sku", sku, "quantity", quantity,
                "from_location_code", "DOCK-1", "to_location_code", location));
        if (lot != null) {
            receipt.put("lot_number", lot);
            receipt.put("expires_on", expiry.toString());
            move.put("lot_number", lot);
        }
        String key = "stock-" + sku + "-" + location;
        supervisor.post().uri("/api/v1/receipts").header("Idempotency-Key", key + "-in").bodyValue(receipt).exchange().expectStatus().isCreated();
        supervisor.post().uri("/api/v1/moves").header("Idempotency-Key", key + "-away").bodyValue(move).exchange().expectStatus().isCreated();
    }

    /** An order of (sku, quantity) pairs; it must be allocated. */
    String order(String key, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        Map<?, ?> order = merchant().post().uri("/api/v1/orders").header("Idempotency-Key", key)
                .bodyValue(Map.of("customer", Map.of("name", "Ona Petraitytė", "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius",
                                "postal_code", "01103", "country", "LT", "latitude", 54.6872, "longitude", 25.2797)),
                        "lines", lines, "service_level", "standard", "channel", "web"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(order.get("status")).as("order %s", order).isEqualTo("allocated");
        return (String) order.get("id");
    }

    String orderStatus(String orderId) {
        return (String) merchant().get().uri("/api/v1/orders/{id}", orderId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("status");
    }

    /** Plans a wave over the node's allocated orders, waits for the plan and releases it; returns the wave. */
    Map<?, ?> releasedWave() {
        WebTestClient supervisor = supervisor();
        Map<?, ?> wave = supervisor.post().uri("/api/v1/waves")
                .bodyValue(Map.of("filter", Map.of(), "cart", Map.of("totes", 4), "time_limit_seconds", 1))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) wave.get("id");
        Map<?, ?> planned = Eventually.until(() -> supervisor.get().uri("/api/v1/waves/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody(), read -> !"planning".equals(read.get("status")));
        assertThat(planned.get("status")).as("wave %s", planned).isEqualTo("planned");
        supervisor.post().uri("/api/v1/waves/{id}/release", id).exchange().expectStatus().isOk();
        return planned;
    }

    /** The merchant's movements of one kind for a SKU, from the ledger. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> movements(String sku) {
        Map<?, ?> page = merchant().get().uri("/api/v1/stock/movements?sku={sku}&limit=200", sku).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    void assertBooksAgree() {
        test.assertBooksAgree(merchantId);
    }
}
