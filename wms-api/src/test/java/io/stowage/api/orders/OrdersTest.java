package io.stowage.api.orders;

import io.stowage.api.support.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Order intake, allocation, backorders, preorders, hold and cancel, through the HTTP API. */
class OrdersTest extends ApiTest {

    @Autowired
    DatabaseClient db;

    @Test
    void anOrderWithStockIsAllocatedAtOnceAndAReplayReturnsTheSameOrder() {
        World world = World.create(this);
        receive(world, "stock-1", "TEE-M-NAVY", 5);
        Map<String, Object> body = order(List.of(line("TEE-M-NAVY", 2)));

        String first = place(world, "order-1", body).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        Map<?, ?> created = place(world, "order-1", body).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first).contains("\"status\":\"allocated\"");
        assertThat(created.get("status")).isEqualTo("allocated");
        Map<?, ?> line = (Map<?, ?>) ((List<?>) created.get("lines")).get(0);
        assertThat(line.get("allocated")).isEqualTo(2);
        assertThat(line.get("backordered")).isEqualTo(0);
        assertThat(((Map<?, ?>) ((List<?>) line.get("ships_from")).get(0)).get("node_code")).isEqualTo(world.node);

        place(world, "order-1", order(List.of(line("TEE-M-NAVY", 3)))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/idempotency-key-reused");
        world.merchant(this).get().uri("/api/v1/orders").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
        assertBooksAgree(world.merchantId);
    }

    /**
     * Intake decides on unlocked stock and reserves just before its commit: orders racing for the
     * last units run again under the locks when the units went to another, and none is promised twice.
     */
    @Test
    @SuppressWarnings("unchecked")
    void ordersRacingForTheLastUnitsAreAllAnsweredAndNoUnitIsPromisedTwice() throws Exception {
        World world = World.create(this);
        receive(world, "race-stock", "TEE-S-SAND", 7);
        int orders = 16;
        ExecutorService pool = Executors.newFixedThreadPool(orders);
        List<Callable<Map<?, ?>>> calls = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String key = "race-" + i;
            int quantity = 1 + i % 2;
            calls.add(() -> placed(world, key, order(List.of(line("TEE-S-SAND", quantity)))));
        }
        int allocated = 0;
        int waiting = 0;
        try {
            for (Future<Map<?, ?>> result : pool.invokeAll(calls)) {
                Map<?, ?> line = lineOf(result.get());
                allocated += (Integer) line.get("allocated");
                waiting += (Integer) line.get("backordered") + (Integer) line.get("preordered");
            }
        } finally {
            pool.shutdown();
        }

        assertThat(allocated).isEqualTo(7);
        assertThat(allocated + waiting).isEqualTo(orders / 2 * 3);
        List<?> availability = world.merchant(this).get().uri("/api/v1/availability?sku=TEE-S-SAND").exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat((Map<Object, Object>) availability.get(0)).containsEntry("on_hand", 7).containsEntry("reserved", 7).containsEntry("available", 0);
        assertBooksAgree(world.merchantId);
    }

    @Test
    void waitingLinesAreServedFirstComeFirstServedWhenStockArrives() {
        World world = World.create(this);
        Map<?, ?> first = placed(world, "bo-1", order(List.of(line("TEE-L-NAVY", 2))));
        Map<?, ?> second = placed(world, "bo-2", order(List.of(line("TEE-L-NAVY", 1))));
        assertThat(first.get("status")).isEqualTo("backordered");
        assertThat(lineOf(first).get("backordered")).isEqualTo(2);
        assertThat(lineOf(first).get("preordered")).isEqualTo(0);
        assertThat(second.get("status")).isEqualTo("backordered");

        receive(world, "arrive-2", "TEE-L-NAVY", 2);

        Map<?, ?> served = awaitStatus(world, first.get("id"), "allocated");
        assertThat(lineOf(served).get("allocated")).isEqualTo(2);
        assertThat(read(world, second.get("id")).get("status")).isEqualTo("backordered");

        receive(world, "arrive-1", "TEE-L-NAVY", 1);
        awaitStatus(world, second.get("id"), "allocated");
        world.merchant(this).get().uri("/api/v1/orders/{id}/history", first.get("id")).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].to_status").isEqualTo("accepted")
                .jsonPath("$[1].to_status").isEqualTo("backordered")
                .jsonPath("$[2].to_status").isEqualTo("allocated")
                .jsonPath("$[2].actor").isEqualTo("system:backorder-allocator");
        assertThat(events(world, "order.backordered")).isEqualTo(2);
        assertThat(events(world, "order.allocated")).isEqualTo(2);
        assertBooksAgree(world.merchantId);
    }

    @Test
    void linesForIncomingStockArePreorderedWithTheExpectedDate() {
        World world = World.create(this);
        LocalDate expected = LocalDate.now().plusDays(6);
        world.merchant(this).post().uri("/api/v1/asns").header("Idempotency-Key", "asn-pre")
                .bodyValue(Map.of("reference", "ASN-PRE", "node_code", world.node, "expected_on", expected.toString(),
                        "lines", List.of(Map.of("sku", "TEE-S-SAND", "quantity", 4))))
                .exchange().expectStatus().isCreated();
        receive(world, "some-navy", "TEE-M-NAVY", 1);

        Map<?, ?> order = placed(world, "pre-1", order(List.of(line("TEE-M-NAVY", 1), line("TEE-S-SAND", 3))));
        assertThat(order.get("status")).isEqualTo("partially_allocated");
        Map<?, ?> sand = (Map<?, ?>) ((List<?>) order.get("lines")).get(1);
        assertThat(sand.get("preordered")).isEqualTo(3);
        assertThat(sand.get("backordered")).isEqualTo(0);
        assertThat(sand.get("expected_on")).isEqualTo(expected.toString());

        // Only one unit is still coming for the next customer: more than that is a backorder without a date.
        Map<?, ?> later = placed(world, "pre-2", order(List.of(line("TEE-S-SAND", 2))));
        assertThat(lineOf(later).get("backordered")).isEqualTo(2);
        assertThat(lineOf(later).get("expected_on")).isNull();
        assertBooksAgree(world.merchantId);
    }

    @Test
    void cancellingReleasesTheReservationAndHoldsKeepTheirPlace() {
        World world = World.create(this);
        receive(world, "stock-c", "TEE-M-NAVY", 3);
        Map<?, ?> order = placed(world, "c-1", order(List.of(line("TEE-M-NAVY", 3))));
        assertThat(availability(world, "TEE-M-NAVY").get("available")).isEqualTo(0);

        world.merchant(this).post().uri("/api/v1/orders/{id}/hold", order.get("id")).bodyValue(Map.of("reason", "fraud check"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("on_hold");
        world.merchant(this).get().uri("/api/v1/orders?status=on_hold").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(order.get("id"));
        world.merchant(this).post().uri("/api/v1/orders/{id}/release-hold", order.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("allocated");

        World other = World.create(this);
        other.merchant(this).get().uri("/api/v1/orders/{id}", order.get("id")).exchange().expectStatus().isNotFound();
        other.merchant(this).post().uri("/api/v1/orders/{id}/cancel", order.get("id")).exchange().expectStatus().isNotFound();

        world.merchant(this).post().uri("/api/v1/orders/{id}/cancel", order.get("id")).bodyValue(Map.of("reason", "customer changed mind"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("cancelled")
                .jsonPath("$.lines[0].allocated").isEqualTo(0);
        assertThat(availability(world, "TEE-M-NAVY").get("available")).isEqualTo(3);
        world.merchant(this).post().uri("/api/v1/orders/{id}/cancel", order.get("id")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/order-already-cancelled");
        world.merchant(this).get().uri("/api/v1/orders?status=cancelled&limit=1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
        world.merchant(this).get().uri("/api/v1/orders?status=lost").exchange().expectStatus().isEqualTo(422);
        assertThat(events(world, "order.cancelled")).isEqualTo(1);
        assertThat(levelChanges(world, "reserved")).isEqualTo(1);
        assertThat(levelChanges(world, "released")).isEqualTo(1);
        assertBooksAgree(world.merchantId);
    }

    @Test
    void badOrdersAreRefusedAndWriteNothing() {
        World world = World.create(this);
        receive(world, "stock-b", "TEE-M-NAVY", 3);
        String mine = "WHERE merchant_id = CAST('" + world.merchantId + "' AS uuid)";
        long orders = count("orders " + mine);
        long events = count("outbox_events " + mine);

        place(world, "bad-1", order(List.of(line("TEE-M-NAVY", 1), line("NO-SUCH", 1)))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[1].sku");
        place(world, "bad-2", order(List.of(line("TEE-M-NAVY", 0)))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity");
        place(world, "bad-3", order(List.of(line("TEE-M-NAVY", -2)))).expectStatus().isEqualTo(422);
        place(world, "bad-4", order(List.of(line("TEE-M-NAVY", 1), line("TEE-M-NAVY", 1)))).expectStatus().isEqualTo(422);
        place(world, "bad-5", Map.of("customer", Map.of("name", "No Country", "address", Map.of("city", "Vilnius")),
                "lines", List.of(line("TEE-M-NAVY", 1)))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("customer.address.country");
        place(world, "bad-6", Map.of("customer", Map.of("name", "Far", "address", Map.of("country", "BR")),
                "lines", List.of(line("TEE-M-NAVY", 1)))).expectStatus().isEqualTo(422);
        place(world, "bad-7", Map.of("customer", Map.of("name", "Collect", "address", Map.of("country", "LT")),
                "lines", List.of(line("TEE-M-NAVY", 1)), "service_level", "store_pickup", "pickup_store_code", world.node))
                .expectStatus().isEqualTo(422);
        world.merchant(this).post().uri("/api/v1/orders").bodyValue(order(List.of(line("TEE-M-NAVY", 1)))).exchange()
                .expectStatus().isEqualTo(422);

        assertThat(count("orders " + mine)).isEqualTo(orders);
        assertThat(count("outbox_events " + mine)).isEqualTo(events);
        assertThat(availability(world, "TEE-M-NAVY").get("reserved")).isEqualTo(0);
    }

    @Test
    void theAnswerToAnOrderIsTheOrderAsReadBack() {
        // Intake builds its answer from what it wrote instead of reading the order back: every kind of line must come out the same.
        World world = World.create(this);
        world.merchant(this).put().uri("/api/v1/products/{code}", "MILK").bodyValue(Map.of("name", "Oat milk",
                        "variants", List.of(Map.of("sku", "MILK-1L", "name", "Oat milk 1 l", "weight_g", 1050, "length_mm", 70,
                                "width_mm", 70, "height_mm", 200, "lot_tracked", true, "expiry_tracked", true))))
                .exchange().expectStatus().is2xxSuccessful();
        LocalDate today = LocalDate.now();
        receiveLot(world, "view-lot-a", "L-SHORT", today.plusDays(10), 2);
        receiveLot(world, "view-lot-b", "L-LONG", today.plusDays(60), 5);
        world.merchant(this).post().uri("/api/v1/asns").header("Idempotency-Key", "view-asn")
                .bodyValue(Map.of("reference", "ASN-VIEW", "node_code", world.node, "expected_on", today.plusDays(6).toString(),
                        "lines", List.of(Map.of("sku", "TEE-S-SAND", "quantity", 4))))
                .exchange().expectStatus().isCreated();
        receive(world, "view-navy", "TEE-M-NAVY", 1);
        Map<String, Object> body = new java.util.HashMap<>(order(List.of(line("MILK-1L", 3), line("TEE-S-SAND", 2),
                line("TEE-L-NAVY", 1), line("TEE-M-NAVY", 1))));
        body.put("gift_message", "Happy birthday");
        body.put("promised_on", today.plusDays(3).toString());

        Map<?, ?> answer = placed(world, "view-1", body);

        assertThat(answer.get("status")).isEqualTo("partially_allocated");
        assertThat(answer).isEqualTo(read(world, answer.get("id")));
        assertBooksAgree(world.merchantId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void lotsShipEarliestExpiryFirstWithinTheChannelsShelfLifeRule() {
        World world = World.create(this);
        world.merchant(this).put().uri("/api/v1/products/{code}", "MILK").bodyValue(Map.of("name", "Oat milk",
                        "variants", List.of(Map.of("sku", "MILK-1L", "name", "Oat milk 1 l", "weight_g", 1050, "length_mm", 70,
                                "width_mm", 70, "height_mm", 200, "lot_tracked", true, "expiry_tracked", true))))
                .exchange().expectStatus().is2xxSuccessful();
        LocalDate today = LocalDate.now();
        receiveLot(world, "lot-a", "L-EXPIRED", today.minusDays(1), 5);
        receiveLot(world, "lot-b", "L-SHORT", today.plusDays(10), 2);
        receiveLot(world, "lot-c", "L-LONG", today.plusDays(60), 5);

        Map<?, ?> web = placed(world, "milk-1", order(List.of(line("MILK-1L", 3))));
        List<?> shipsFrom = (List<?>) lineOf(web).get("ships_from");
        assertThat(shipsFrom).hasSize(2);
        assertThat((Map<Object, Object>) shipsFrom.get(0)).containsEntry("lot_number", "L-SHORT").containsEntry("quantity", 2);
        assertThat((Map<Object, Object>) shipsFrom.get(1)).containsEntry("lot_number", "L-LONG").containsEntry("quantity", 1);

        Map<String, Object> wholesale = new java.util.HashMap<>(order(List.of(line("MILK-1L", 1))));
        wholesale.put("channel", "wholesale");
        world.merchant(this).put().uri("/api/v1/shelf-life-rules/{channel}", "wholesale").bodyValue(Map.of("min_remaining_days", 30))
                .exchange().expectStatus().isOk();
        assertThat(placed(world, "milk-2", wholesale).get("status")).isEqualTo("allocated");
        // A stricter rule counts from the next order on, although every order reads the rules.
        world.merchant(this).put().uri("/api/v1/shelf-life-rules/{channel}", "wholesale").bodyValue(Map.of("min_remaining_days", 90))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.min_remaining_days").isEqualTo(90);
        Map<?, ?> refused = placed(world, "milk-3", wholesale);
        assertThat(refused.get("status")).isEqualTo("backordered");
        assertBooksAgree(world.merchantId);
    }

    @Test
    void ordersGoToTheNearestWarehouseAndToStoresOnlyWhenTheMerchantShipsFromThem() {
        World world = World.create(this);
        String riga = "RIX" + world.node.substring(3);
        String store = "STR" + world.node.substring(3);
        addNode(world, riga, "warehouse", null, 56.9496, 24.1052);
        addNode(world, store, "store", world.merchantId, 56.95, 24.11);
        receive(world, "vno", "TEE-M-NAVY", 5);
        receiveAt(world, riga, "rix", "TEE-M-NAVY", 5);
        receiveAt(world, store, "str", "TEE-L-NAVY", 5);

        Map<String, Object> inRiga = Map.of("customer", Map.of("name", "Jānis", "address", Map.of("city", "Rīga", "country", "LV",
                "latitude", 56.95, "longitude", 24.1)), "lines", List.of(line("TEE-M-NAVY", 2)));
        Map<?, ?> rigaOrder = placed(world, "route-1", inRiga);
        assertThat(((Map<?, ?>) ((List<?>) lineOf(rigaOrder).get("ships_from")).get(0)).get("node_code")).isEqualTo(riga);
        Map<?, ?> noCoordinates = placed(world, "route-2", Map.of("customer", Map.of("name", "Ona", "address", Map.of("country", "LT")),
                "lines", List.of(line("TEE-M-NAVY", 1))));
        assertThat(noCoordinates.get("routed_from")).isEqualTo("country_centroid");
        assertThat(((Map<?, ?>) ((List<?>) lineOf(noCoordinates).get("ships_from")).get(0)).get("node_code")).isEqualTo(world.node);

        Map<?, ?> storeOnly = placed(world, "route-3", Map.of("customer", inRiga.get("customer"), "lines", List.of(line("TEE-L-NAVY", 1))));
        assertThat(storeOnly.get("status")).isEqualTo("backordered");
        Map<?, ?> collect = placed(world, "route-4", Map.of("customer", inRiga.get("customer"), "lines", List.of(line("TEE-L-NAVY", 1)),
                "service_level", "store_pickup", "pickup_store_code", store));
        assertThat(((Map<?, ?>) ((List<?>) lineOf(collect).get("ships_from")).get(0)).get("node_code")).isEqualTo(store);

        admin().patch().uri("/api/v1/admin/merchants/{id}", world.merchantId).header("Idempotency-Key", "ship-from-store-" + world.merchantId)
                .bodyValue(Map.of("ship_from_store", true)).exchange().expectStatus().isOk();
        Map<?, ?> fromStore = placed(world, "route-5", Map.of("customer", inRiga.get("customer"),
                "lines", List.of(line("TEE-M-NAVY", 3), line("TEE-L-NAVY", 1))));
        assertThat(fromStore.get("status")).isEqualTo("allocated");
        List<?> lines = (List<?>) fromStore.get("lines");
        assertThat(((Map<?, ?>) ((List<?>) ((Map<?, ?>) lines.get(0)).get("ships_from")).get(0)).get("node_code")).isEqualTo(riga);
        assertThat(((Map<?, ?>) ((List<?>) ((Map<?, ?>) lines.get(1)).get("ships_from")).get(0)).get("node_code")).isEqualTo(store);
        assertBooksAgree(world.merchantId);
    }

    private WebTestClient.ResponseSpec place(World world, String key, Map<String, Object> body) {
        return world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", key).bodyValue(body).exchange();
    }

    static Map<String, Object> order(List<Map<String, Object>> lines) {
        return Map.of("customer", Map.of("name", "Ona Petraitytė", "email", "ona@example.com",
                        "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius", "postal_code", "01103", "country", "LT",
                                "latitude", 54.6872, "longitude", 25.2797)),
                "lines", lines, "service_level", "standard", "channel", "web");
    }

    static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    private Map<?, ?> placed(World world, String key, Map<String, Object> body) {
        return place(world, key, body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<?, ?> read(World world, Object id) {
        return world.merchant(this).get().uri("/api/v1/orders/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The background allocator runs every half second: wait for it, a bounded number of times. */
    private Map<?, ?> awaitStatus(World world, Object id, String status) {
        return Eventually.until(() -> read(world, id), order -> status.equals(order.get("status")));
    }

    private static Map<?, ?> lineOf(Map<?, ?> order) {
        return (Map<?, ?>) ((List<?>) order.get("lines")).get(0);
    }

    private Map<?, ?> availability(World world, String sku) {
        List<?> answer = world.merchant(this).get().uri("/api/v1/availability?sku={sku}", sku).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return (Map<?, ?>) answer.get(0);
    }

    private long events(World world, String type) {
        return db.sql("SELECT count(*) AS n FROM outbox_events WHERE merchant_id = CAST(:m AS uuid) AND type = :type")
                .bind("m", world.merchantId).bind("type", type).map(row -> row.get("n", Long.class)).one().block();
    }

    private long levelChanges(World world, String reason) {
        return db.sql("SELECT count(*) AS n FROM outbox_events WHERE merchant_id = CAST(:m AS uuid) AND type = 'stock.level_changed' AND payload->>'reason' = :reason")
                .bind("m", world.merchantId).bind("reason", reason).map(row -> row.get("n", Long.class)).one().block();
    }

    private void receiveLot(World world, String key, String lot, LocalDate expiresOn, int quantity) {
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", key)
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "MILK-1L", "quantity", quantity, "location_code", "DOCK-1",
                        "lot_number", lot, "expires_on", expiresOn.toString()))
                .exchange().expectStatus().isCreated();
    }

    private void addNode(World world, String code, String kind, String merchantId, double latitude, double longitude) {
        Map<String, Object> node = new java.util.HashMap<>(Map.of("code", code, "kind", kind, "name", code,
                "address", Map.of("line", "Brīvības iela 1", "city", "Rīga", "postal_code", "LV-1010", "country", "LV"),
                "latitude", latitude, "longitude", longitude, "time_zone", "Europe/Riga"));
        if (merchantId != null) {
            node.put("merchant_id", merchantId);
        }
        admin().post().uri("/api/v1/nodes").bodyValue(node).exchange().expectStatus().isCreated();
        admin().post().uri("/api/v1/nodes/{code}/locations", code)
                .bodyValue(Map.of("locations", List.of(Map.of("code", code + "-DOCK", "type", "dock", "x_mm", 0, "y_mm", 0))))
                .exchange().expectStatus().isCreated();
        admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of("badge_code", "W" + code, "name", "Receiver " + code, "pin", "4321",
                "node_code", code, "roles", List.of("receiver")))
                .exchange().expectStatus().isCreated();
    }

    private void receiveAt(World world, String node, String key, String sku, int quantity) {
        Map<?, ?> session = web.post().uri("/api/v1/auth/worker-sessions")
                .bodyValue(Map.of("badge_code", "W" + node, "pin", "4321", "device_id", "RF-" + node))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        as((String) session.get("token")).post().uri("/api/v1/receipts").header("Idempotency-Key", key)
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity, "location_code", node + "-DOCK"))
                .exchange().expectStatus().isCreated();
    }

    private void receive(World world, String key, String sku, int quantity) {
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", key)
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
    }

    private long count(String tableAndCondition) {
        return db.sql("SELECT count(*) AS n FROM " + tableAndCondition).map(row -> row.get("n", Long.class)).one().block();
    }

}
