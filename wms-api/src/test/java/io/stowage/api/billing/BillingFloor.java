package io.stowage.api.billing;

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
 * A merchant's warehouse doing the work billing charges for, through the HTTP API as the floor does
 * it: receipts at the dock, putaway to the shelves, orders waved and picked, packed into cartons and
 * labelled at the sandbox carrier.
 */
final class BillingFloor {

    final ApiTest test;
    final World world;
    private final String packerToken;
    private int keys;

    private BillingFloor(ApiTest test, World world, String packerToken) {
        this.test = test;
        this.world = world;
        this.packerToken = packerToken;
    }

    static BillingFloor create(ApiTest test) {
        World world = World.create(test);
        test.admin().post().uri("/api/v1/nodes/{code}/locations", world.node)
                .bodyValue(Map.of("locations", List.of(Map.of("code", "PACK-1", "type", "pack_station", "x_mm", 1000, "y_mm", -2000))))
                .exchange().expectStatus().isCreated();
        String badge = "P" + world.badge;
        test.admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of("badge_code", badge, "name", "Jonas " + badge, "pin", "1357",
                        "node_code", world.node, "roles", List.of("picker", "packer")))
                .exchange().expectStatus().isCreated();
        Map<?, ?> session = test.web.post().uri("/api/v1/auth/worker-sessions").bodyValue(Map.of("badge_code", badge, "pin", "1357"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return new BillingFloor(test, world, (String) session.get("token"));
    }

    private WebTestClient packer() {
        return test.as(packerToken);
    }

    private WebTestClient supervisor() {
        return world.worker(test);
    }

    /** Receives units at the dock (a receipt) and puts them away to a shelf (a putaway). */
    void receiveAndPutAway(String sku, int units, String shelf) {
        receiveAndPutAway(sku, units, shelf, null, null);
    }

    /** Receives units that came in a carton and on a pallet (either may be null: not scanned) and puts them away. */
    void receiveAndPutAway(String sku, int units, String shelf, String cartonCode, String palletCode) {
        Map<String, Object> receipt = new LinkedHashMap<>(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", units, "location_code", "DOCK-1"));
        if (cartonCode != null) {
            receipt.put("carton_code", cartonCode);
        }
        if (palletCode != null) {
            receipt.put("pallet_code", palletCode);
        }
        supervisor().post().uri("/api/v1/receipts").header("Idempotency-Key", "bill-in-" + (++keys)).bodyValue(receipt)
                .exchange().expectStatus().isCreated();
        Map<?, ?> move = supervisor().post().uri("/api/v1/moves").header("Idempotency-Key", "bill-away-" + (++keys))
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", units, "from_location_code", "DOCK-1",
                        "to_location_code", shelf))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(move.get("kind")).isEqualTo("putaway");
    }

    /** Places an order of {@code units} TEE-M-NAVY and returns its id. */
    String order(int units) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", Map.of("name", "Ona Petraitytė", "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius",
                "postal_code", "01103", "country", "LT", "latitude", 54.6872, "longitude", 25.2797)));
        body.put("lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", units)));
        body.put("service_level", "standard");
        Map<?, ?> order = world.merchant(test).post().uri("/api/v1/orders").header("Idempotency-Key", "bill-order-" + (++keys))
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(order.get("status")).isEqualTo("allocated");
        return (String) order.get("id");
    }

    /** Waves every allocated order of the node, releases the wave and picks every task. */
    void waveAndPick() {
        WavePicking.waveAndPickEverything(supervisor(), packer());
    }

    /**
     * Packs the picked order's units into one carton, closed in the box type when one is given (else
     * in the item's own packaging), and waits for its label; returns the shipment.
     */
    Map<?, ?> packAndLabel(String orderId, int units, String boxTypeCode, int weightGrams) {
        Map<?, ?> session = packer().post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", "PACK-1", "order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String cartonId = (String) packer().post().uri("/api/v1/pack-sessions/{id}/cartons", session.get("id")).bodyValue(Map.of("order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        for (int unit = 0; unit < units; unit++) {
            packer().post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", "pack-" + cartonId + "-" + unit)
                    .bodyValue(Map.of("sku", "TEE-M-NAVY")).exchange().expectStatus().isOk();
        }
        Map<String, Object> close = new LinkedHashMap<>();
        if (boxTypeCode != null) {
            close.put("box_type_code", boxTypeCode);
        } else {
            close.putAll(Map.of("length_mm", 310, "width_mm", 260, "height_mm", 30));
        }
        close.put("weight_grams", weightGrams);
        Map<?, ?> closed = packer().post().uri("/api/v1/cartons/{id}/close", cartonId).bodyValue(close)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) closed.get("carton")).get("status")).as("carton %s", closed).isEqualTo("closed");
        Map<?, ?> shipment = Eventually.until(() -> packer().get().uri("/api/v1/cartons/{id}/shipment", cartonId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody(), read -> !"label_pending".equals(read.get("status")));
        assertThat(shipment.get("status")).as("label failure %s", shipment.get("failure_reason")).isEqualTo("labelled");
        return shipment;
    }

    /** Loads the labelled shipments at the dock, one load per carrier, and closes each manifest: the orders are shipped. */
    void ship(List<Map<?, ?>> shipments) {
        Map<Object, List<Map<?, ?>>> byCarrier = new LinkedHashMap<>();
        shipments.forEach(shipment -> byCarrier.computeIfAbsent(shipment.get("carrier"), carrier -> new ArrayList<>()).add(shipment));
        byCarrier.forEach((carrier, parcels) -> {
            String loadId = (String) supervisor().post().uri("/api/v1/loads").bodyValue(Map.of("carrier", carrier, "dock_code", "DOCK-1"))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
            for (Map<?, ?> shipment : parcels) {
                var loaded = supervisor().post().uri("/api/v1/loads/{id}/cartons", loadId).header("Idempotency-Key", "load-" + shipment.get("sscc"))
                        .bodyValue(Map.of("sscc", shipment.get("sscc"))).exchange().expectBody(String.class).returnResult();
                assertThat(loaded.getStatus().value()).as("loading %s: %s", shipment.get("sscc"), loaded.getResponseBody()).isEqualTo(201);
            }
            supervisor().post().uri("/api/v1/loads/{id}/close", loadId).header("Idempotency-Key", "close-" + loadId).exchange().expectStatus().isOk();
        });
    }

    /**
     * The customer sends units of a shipped order back (a return for a refund) and the returns station
     * grades them: {@code grades} maps each grade to its units, booked at {@code location}. Returns the
     * return as it was requested (with its return label, which the merchant pays).
     */
    Map<?, ?> returnAndGrade(String orderId, String sku, Map<String, Integer> grades, String location) {
        world.merchant(test).put().uri("/api/v1/return-policy").bodyValue(Map.of("window_days", 30, "reasons", List.of("changed_mind"),
                        "label_paid_by", "merchant", "exchanges_allowed", false))
                .exchange().expectStatus().isOk();
        int units = grades.values().stream().mapToInt(Integer::intValue).sum();
        Map<?, ?> requested = world.merchant(test).post().uri("/api/v1/returns").header("Idempotency-Key", "bill-return-" + (++keys))
                .bodyValue(Map.of("order_id", orderId, "items", List.of(Map.of("sku", sku, "quantity", units, "reason", "changed_mind"))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String returnId = (String) requested.get("id");
        List<Map<String, Object>> items = new ArrayList<>();
        grades.forEach((grade, quantity) -> items.add(Map.of("item", sku, "quantity", quantity, "grade", grade)));
        Map<?, ?> received = supervisor().post().uri("/api/v1/returns/{id}/receipt", returnId).header("Idempotency-Key", "bill-graded-" + (++keys))
                .bodyValue(Map.of("location_code", location, "items", items))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(received.get("status")).isEqualTo("received");
        return requested;
    }

    /**
     * A cycle count of a shelf, opened for the merchant when {@code requestedByMerchant} (else the
     * 3PL's own), counted as {@code units} of {@code sku} and approved or rejected; returns the task's id.
     */
    String count(String shelf, boolean requestedByMerchant, String sku, int units, boolean approve) {
        Map<String, Object> open = new LinkedHashMap<>(Map.of("location_codes", List.of(shelf)));
        if (requestedByMerchant) {
            open.put("requested_by_merchant_id", world.merchantId);
        }
        Map<?, ?> task = maps(supervisor().post().uri("/api/v1/count-tasks").bodyValue(open).exchange().expectStatus().isCreated()
                .expectBody(List.class).returnResult().getResponseBody()).get(0);
        assertThat(task.get("requested_by_merchant_id")).isEqualTo(requestedByMerchant ? world.merchantId.toString() : null);
        String taskId = (String) task.get("id");
        supervisor().post().uri("/api/v1/count-tasks/{id}/counts", taskId).header("Idempotency-Key", "bill-count-" + taskId)
                .bodyValue(Map.of("lines", List.of(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", units))))
                .exchange().expectStatus().isCreated();
        supervisor().post().uri("/api/v1/count-tasks/{id}/" + (approve ? "approve" : "reject"), taskId).exchange().expectStatus().isOk();
        return taskId;
    }

    @SuppressWarnings("unchecked")
    static List<Map<?, ?>> maps(Object list) {
        return list == null ? new ArrayList<>() : (List<Map<?, ?>>) list;
    }
}
