package io.stowage.api.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Inbound, putaway, moves, counts and availability, checked against the ledger after each story. */
class InventoryTest extends ApiTest {

    @Autowired
    DatabaseClient db;

    @Test
    void aReceivedAsnIsPutAwayAndAvailabilityMatchesTheLedger() {
        World world = World.create(this);
        createAsn(world, "ASN-100", "TEE-M-NAVY", 10);

        Map<?, ?> before = availability(world, "TEE-M-NAVY");
        assertThat(before.get("status")).isEqualTo("preorder");
        assertThat(before.get("incoming")).isEqualTo(10);
        assertThat(before.get("incoming_earliest_on")).isEqualTo(LocalDate.now().plusDays(2).toString());

        String asnId = openAsnId(world);
        Map<?, ?> receipt = receive(world, "rcv-1", Map.of("asn_id", asnId, "gtin", World.GTINS.get(0), "quantity", 6, "location_code", "DOCK-1"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(asMap(receipt.get("asn"))).containsEntry("received_quantity", 6).containsEntry("expected_quantity", 10);
        Map<?, ?> suggestion = (Map<?, ?>) receipt.get("suggested_putaway");
        assertThat(suggestion.get("reason")).isEqualTo("nearest_free");
        assertThat(suggestion.get("location_code")).isEqualTo("A-01-01-A");

        Map<?, ?> afterReceipt = availability(world, "TEE-M-NAVY");
        assertThat(afterReceipt.get("status")).isEqualTo("in_stock");
        assertThat(afterReceipt.get("available")).isEqualTo(6);
        assertThat(afterReceipt.get("incoming")).isEqualTo(4);

        move(world, "put-1", "TEE-M-NAVY", 6, "DOCK-1", "A-01-02-A").expectStatus().isCreated()
                .expectBody().jsonPath("$.kind").isEqualTo("putaway");

        world.merchant(this).get().uri("/api/v1/stock/balances?sku=TEE-M-NAVY").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].location_code").isEqualTo("A-01-02-A")
                .jsonPath("$[0].on_hand").isEqualTo(6);
        world.merchant(this).get().uri("/api/v1/stock/movements?sku=TEE-M-NAVY").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].kind").isEqualTo("receipt")
                .jsonPath("$.items[0].actor").isEqualTo("worker:" + world.badge)
                .jsonPath("$.items[1].kind").isEqualTo("putaway");
        assertBooksAgree(world.merchantId);
    }

    @Test
    void theAuditFindsABalanceALevelAndATotalThatNoLongerMatchTheLedger() {
        World world = World.create(this);
        createAsn(world, "ASN-AUDIT", "TEE-M-NAVY", 5);
        receive(world, "rcv-audit", Map.of("asn_id", openAsnId(world), "gtin", World.GTINS.get(0), "quantity", 5, "location_code", "DOCK-1"))
                .expectStatus().isCreated();
        assertBooksAgree(world.merchantId);

        db.sql("UPDATE stock_balances SET on_hand = on_hand + 1 WHERE merchant_id = CAST(:merchant AS uuid)")
                .bind("merchant", world.merchantId).then().block();
        db.sql("UPDATE variant_totals SET available = available + 3 WHERE merchant_id = CAST(:merchant AS uuid) AND sku = 'TEE-M-NAVY'")
                .bind("merchant", world.merchantId).then().block();

        List<Map<String, Object>> found = admin().get().uri("/api/v1/admin/stock/reconciliation").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
        assertThat(found).filteredOn(d -> world.merchantId.equals(d.get("merchant_id")))
                .extracting(d -> d.get("what"), d -> d.get("ledger"), d -> d.get("balance"))
                .containsExactlyInAnyOrder(tuple("location", 5, 6), tuple("node", 6, 5), tuple("variant_total", 5, 8));
    }

    @Test
    void aRetriedScanIsAppliedOnceAndAReusedKeyIsRefused() {
        World world = World.create(this);
        Map<String, Object> body = Map.of("merchant_id", world.merchantId, "sku", "TEE-L-NAVY", "quantity", 4, "location_code", "DOCK-1");
        String first = receive(world, "scan-42", body).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String replay = receive(world, "scan-42", body).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(replay).isEqualTo(first);
        receive(world, "scan-42", Map.of("merchant_id", world.merchantId, "sku", "TEE-L-NAVY", "quantity", 5, "location_code", "DOCK-1"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/idempotency-key-reused");
        receive(world, null, body).expectStatus().isEqualTo(422);

        assertThat(availability(world, "TEE-L-NAVY").get("on_hand")).isEqualTo(4);
        assertBooksAgree(world.merchantId);
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        World world = World.create(this);
        World other = World.create(this);
        String mine = "stock_movements WHERE merchant_id IN (CAST('" + world.merchantId + "' AS uuid), CAST('" + other.merchantId + "' AS uuid))";
        long movementsBefore = count(mine);

        world.merchant(this).post().uri("/api/v1/asns").bodyValue(Map.of("reference", "ASN-BAD", "node_code", world.node,
                        "expected_on", LocalDate.now().toString(),
                        "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 5), Map.of("sku", "NO-SUCH-SKU", "quantity", 5))))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[1].sku");
        world.merchant(this).get().uri("/api/v1/asns/ASN-BAD").exchange().expectStatus().isNotFound();

        receive(world, "zero", Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 0, "location_code", "DOCK-1"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        receive(world, "bad-gtin", Map.of("gtin", "4006381333932", "quantity", 1, "location_code", "DOCK-1"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("check digit"));
        receive(world, "unknown-sku", Map.of("merchant_id", world.merchantId, "sku", "NOPE", "quantity", 1, "location_code", "DOCK-1"))
                .expectStatus().isEqualTo(422);
        receive(world, "other-node", Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 1, "location_code", "A-01-01-A-X"))
                .expectStatus().isEqualTo(422);
        // The other world's worker stands in another warehouse: its locations are not this worker's.
        receiveAs(other.worker(this), "foreign", Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 1, "location_code", "DOCK-1"))
                .expectStatus().isCreated();
        move(world, "too-many", "TEE-M-NAVY", 1, "DOCK-1", "A-01-01-A")
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/insufficient-stock");

        assertThat(count(mine)).isEqualTo(movementsBefore + 1);
        assertThat(availability(world, "TEE-M-NAVY").get("on_hand")).isEqualTo(1);
        other.merchant(this).get().uri("/api/v1/asns/ASN-BAD").exchange().expectStatus().isNotFound();
        other.merchant(this).get().uri("/api/v1/availability?sku=TEE-M-NAVY").exchange().expectStatus().isOk();
        assertBooksAgree(world.merchantId);
    }

    @Test
    void twoWorkersRacingForTheLastUnitCannotBothTakeIt() throws Exception {
        World world = World.create(this);
        receive(world, "one-unit", Map.of("merchant_id", world.merchantId, "sku", "TEE-S-SAND", "quantity", 1, "location_code", "DOCK-1"))
                .expectStatus().isCreated();

        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Callable<Integer>> moves = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String target = i % 2 == 0 ? "A-01-02-A" : "A-02-09-A";
            String key = "race-" + i;
            moves.add(() -> move(world, key, "TEE-S-SAND", 1, "DOCK-1", target).returnResult(String.class).getStatus().value());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(moves)) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        Map<?, ?> availability = availability(world, "TEE-S-SAND");
        assertThat(availability.get("on_hand")).isEqualTo(1);
        world.merchant(this).get().uri("/api/v1/stock/balances?sku=TEE-S-SAND").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].on_hand").isEqualTo(1);
        assertBooksAgree(world.merchantId);
    }

    @Test
    void aBlindCycleCountPostsTheApprovedVariance() {
        World world = World.create(this);
        receive(world, "stock", Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 5, "location_code", "DOCK-1"))
                .expectStatus().isCreated();
        move(world, "put", "TEE-M-NAVY", 5, "DOCK-1", "A-01-01-A").expectStatus().isCreated();

        List<?> opened = world.worker(this).post().uri("/api/v1/count-tasks").bodyValue(Map.of("location_codes", List.of("A-01-01-A")))
                .exchange().expectStatus().isCreated().expectBody(List.class).returnResult().getResponseBody();
        String taskId = (String) ((Map<?, ?>) opened.get(0)).get("id");
        world.worker(this).get().uri("/api/v1/count-tasks").exchange().expectStatus().isOk()
                .expectBody(String.class).value(open -> assertThat(open).contains("A-01-01-A").doesNotContain("expected"));

        world.worker(this).post().uri("/api/v1/count-tasks/{id}/counts", taskId).header("Idempotency-Key", "count-1")
                .bodyValue(Map.of("lines", List.of(Map.of("gtin", World.GTINS.get(0), "quantity", 3))))
                .exchange().expectStatus().isCreated()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("expected").doesNotContain("variance"));

        world.worker(this).get().uri("/api/v1/count-tasks/{id}", taskId).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.lines[0].expected").isEqualTo(5)
                .jsonPath("$.lines[0].counted").isEqualTo(3)
                .jsonPath("$.lines[0].variance").isEqualTo(-2);
        assertThat(availability(world, "TEE-M-NAVY").get("on_hand")).isEqualTo(5);

        world.worker(this).post().uri("/api/v1/count-tasks/{id}/approve", taskId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("approved");
        world.worker(this).post().uri("/api/v1/count-tasks/{id}/approve", taskId).exchange().expectStatus().isEqualTo(409);
        Map<?, ?> after = availability(world, "TEE-M-NAVY");
        assertThat(after.get("on_hand")).isEqualTo(3);
        assertThat(after.get("status")).isEqualTo("low_stock");
        assertThat(after.get("low_stock_count")).isEqualTo(3);
        assertBooksAgree(world.merchantId);
    }

    @Test
    void outOfStockVariantsOfferAlternativesAndTellSubscribersWhenBack() {
        World world = World.create(this);
        receive(world, "alt", Map.of("merchant_id", world.merchantId, "sku", "TEE-L-NAVY", "quantity", 7, "location_code", "DOCK-1"))
                .expectStatus().isCreated();
        Map<?, ?> out = availability(world, "TEE-M-NAVY");
        assertThat(out.get("status")).isEqualTo("out_of_stock");
        assertThat((List<?>) out.get("alternatives")).hasSize(1);
        assertThat(((Map<?, ?>) ((List<?>) out.get("alternatives")).get(0)).get("sku")).isEqualTo("TEE-L-NAVY");

        world.merchant(this).post().uri("/api/v1/back-in-stock-subscriptions").bodyValue(Map.of("sku", "TEE-M-NAVY", "email", "Ona@Example.com"))
                .exchange().expectStatus().isCreated();
        world.merchant(this).post().uri("/api/v1/back-in-stock-subscriptions").bodyValue(Map.of("sku", "TEE-M-NAVY", "email", "ona@example.com"))
                .exchange().expectStatus().isCreated();
        world.merchant(this).get().uri("/api/v1/back-in-stock-subscriptions?sku=TEE-M-NAVY").exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
        world.merchant(this).post().uri("/api/v1/back-in-stock-subscriptions").bodyValue(Map.of("sku", "TEE-M-NAVY", "email", "not-an-email"))
                .exchange().expectStatus().isEqualTo(422);

        receive(world, "back", Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 2, "location_code", "DOCK-1"))
                .expectStatus().isCreated();
        receive(world, "more", Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 2, "location_code", "DOCK-1"))
                .expectStatus().isCreated();

        List<Map<String, Object>> events = db.sql("SELECT type, subject, payload::text AS payload FROM outbox_events WHERE merchant_id = CAST(:m AS uuid) AND subject = 'TEE-M-NAVY' AND type = 'variant.back_in_stock'")
                .bind("m", world.merchantId).fetch().all().collectList().block();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("type")).isEqualTo("variant.back_in_stock");
        assertThat((String) events.get(0).get("payload")).contains("\"waiting_subscribers\": 1");
        List<Map<String, Object>> levels = db.sql("SELECT payload->>'available' AS available, payload->>'reason' AS reason FROM outbox_events "
                        + "WHERE merchant_id = CAST(:m AS uuid) AND subject = 'TEE-M-NAVY' AND type = 'stock.level_changed' ORDER BY id")
                .bind("m", world.merchantId).fetch().all().collectList().block();
        assertThat(levels).extracting(row -> row.get("available") + "/" + row.get("reason")).containsExactly("2/receipt", "4/receipt");
    }

    @Test
    void storesAskForManyVariantsAtOnceWithinTheLimit() {
        World world = World.create(this);
        receive(world, "many", Map.of("merchant_id", world.merchantId, "sku", "TEE-S-SAND", "quantity", 9, "location_code", "DOCK-1"))
                .expectStatus().isCreated();
        world.merchant(this).post().uri("/api/v1/availability/query")
                .bodyValue(Map.of("skus", List.of("TEE-S-SAND", "TEE-M-NAVY", "TEE-L-NAVY")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].sku").isEqualTo("TEE-S-SAND")
                .jsonPath("$[0].nodes[0].node_code").isEqualTo(world.node)
                .jsonPath("$[0].nodes[0].available").isEqualTo(9)
                .jsonPath("$[1].status").isEqualTo("out_of_stock");

        List<String> tooMany = java.util.stream.IntStream.rangeClosed(1, 501).mapToObj(i -> "SKU-" + i).toList();
        world.merchant(this).post().uri("/api/v1/availability/query").bodyValue(Map.of("skus", tooMany))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("skus");
        world.merchant(this).post().uri("/api/v1/availability/query").bodyValue(Map.of("skus", List.of("TEE-S-SAND", "NOT-MINE")))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("NOT-MINE"));
    }

    private void createAsn(World world, String reference, String sku, int quantity) {
        world.merchant(this).post().uri("/api/v1/asns").header("Idempotency-Key", reference)
                .bodyValue(Map.of("reference", reference, "node_code", world.node, "supplier", "Tekstilė UAB",
                        "expected_on", LocalDate.now().plusDays(2).toString(),
                        "lines", List.of(Map.of("sku", sku, "quantity", quantity))))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("open").jsonPath("$.lines[0].expected_quantity").isEqualTo(quantity);
    }

    private String openAsnId(World world) {
        Map<?, ?> page = world.worker(this).get().uri("/api/v1/inbound/asns?status=open").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<?, ?>) ((List<?>) page.get("items")).get(0)).get("id");
    }

    private WebTestClient.ResponseSpec receive(World world, String key, Map<String, Object> body) {
        return receiveAs(world.worker(this), key, body);
    }

    private WebTestClient.ResponseSpec receiveAs(WebTestClient worker, String key, Map<String, Object> body) {
        WebTestClient.RequestBodySpec request = worker.post().uri("/api/v1/receipts");
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec move(World world, String key, String sku, int quantity, String from, String to) {
        return world.worker(this).post().uri("/api/v1/moves").header("Idempotency-Key", key)
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity,
                        "from_location_code", from, "to_location_code", to))
                .exchange();
    }

    private Map<?, ?> availability(World world, String sku) {
        List<?> answer = world.merchant(this).get().uri("/api/v1/availability?sku={sku}", sku).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return (Map<?, ?>) answer.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private long count(String tableAndCondition) {
        return db.sql("SELECT count(*) AS n FROM " + tableAndCondition).map(row -> row.get("n", Long.class)).one().block();
    }

}
