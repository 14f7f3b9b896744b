package io.stowage.api.packing;

import static io.stowage.api.packing.PackingFloor.maps;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.World;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The pack station over HTTP: a packer opens a session by scanning a tote, sees what must go in,
 * scans every unit into cartons, closes them, and the order is packed with {@code order.packed}.
 * Every refusal is a problem+json of its own type and changes nothing.
 */
class PackingTest extends ApiTest {

    @Test
    void aToteIsPackedIntoTwoParcelsAndTheOrderIsPacked() {
        PackingFloor floor = PackingFloor.create(this);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 3);
        floor.stock("TEE-L-NAVY", "P-03-02-A", 2);
        String orderId = floor.order("TEE-M-NAVY", 2, "TEE-L-NAVY", 1);
        String smallBox = unique("S");
        String bigBox = unique("L");
        floor.boxType(smallBox, 320, 260, 80, 40, 50);
        floor.boxType(bigBox, 600, 400, 300, 200, 150);
        floor.receiveBoxes(bigBox, 5);
        Map<?, ?> batch = floor.pickEverything();
        assertThat(floor.orderView(orderId).get("status")).isEqualTo("picked");

        Map<?, ?> session = floor.packer().post().uri("/api/v1/pack-sessions")
                .bodyValue(Map.of("station_code", PackingFloor.STATION, "batch_id", batch.get("id"), "tote", PackingFloor.toteOf(batch, orderId)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(session.get("station_code")).isEqualTo(PackingFloor.STATION);
        assertThat(session.get("packer_name")).isEqualTo(floor.packerName);
        Map<?, ?> toPack = maps(session.get("orders")).get(0);
        assertThat(toPack.get("order_id")).isEqualTo(orderId);
        assertThat(toPack.get("remaining")).isEqualTo(3);
        assertThat(maps(toPack.get("lines"))).extracting(line -> (Object) line.get("alt_text"))
                .containsExactly("Linen tee M Navy: size M, colour Navy", "Linen tee L Navy: size L, colour Navy");
        assertThat(maps(toPack.get("lines")).get(0).get("gtins")).isEqualTo(List.of("0" + World.GTINS.get(0)));
        assertThat(maps(toPack.get("suggested_boxes"))).as("a box is suggested for the three tees").isNotEmpty();
        String sessionId = (String) session.get("id");

        Map<?, ?> first = openCarton(floor, sessionId, orderId).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first.get("carton_number")).isEqualTo(1);
        assertThat(first.get("status")).isEqualTo("open");
        Map<?, ?> scanned = scan(floor, first.get("id"), Map.of("gtin", World.GTINS.get(0), "quantity", 2)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(scanned.get("line_remaining")).isEqualTo(0);
        assertThat(scanned.get("order_remaining")).isEqualTo(1);
        // No box scanned: the suggested box is taken. 5 kg is far from two tees and a box: the carton waits for a re-check.
        Map<?, ?> rechecked = close(floor, first.get("id"), Map.of("weight_grams", 5000))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> recheckCarton = (Map<?, ?>) rechecked.get("carton");
        assertThat(recheckCarton.get("status")).isEqualTo("recheck");
        assertThat(recheckCarton.get("box_type_code")).isNotNull().isEqualTo(rechecked.get("suggested_box_type_code"));
        assertThat(rechecked.get("box_overridden")).isEqualTo(false);
        assertThat(((Map<?, ?>) rechecked.get("weight_check")).get("within_tolerance")).isEqualTo(false);
        int expected = (Integer) recheckCarton.get("expected_weight_grams");
        assertThat(expected).isGreaterThanOrEqualTo(360);
        problem(openCarton(floor, sessionId, orderId), 409, "carton-already-open");
        // The packer re-weighs: the expected weight closes it.
        Map<?, ?> closedFirst = close(floor, first.get("id"), Map.of("weight_grams", expected))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(closedFirst.get("order_status")).isEqualTo("picked");
        assertThat(((Map<?, ?>) closedFirst.get("carton")).get("status")).isEqualTo("closed");

        Map<?, ?> second = openCarton(floor, sessionId, orderId).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(second.get("carton_number")).isEqualTo(2);
        scan(floor, second.get("id"), Map.of("sku", "TEE-L-NAVY")).expectStatus().isOk();
        // The packer scans the big box instead of the suggested one: an override, and the box leaves the node's packaging stock.
        Map<?, ?> closedSecond = close(floor, second.get("id"), Map.of("box_type_code", bigBox, "weight_grams", 380))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(closedSecond.get("box_overridden")).isEqualTo(true);
        assertThat(closedSecond.get("order_status")).isEqualTo("packed");
        assertThat(closedSecond.get("parcels")).isEqualTo(2);
        assertThat(floor.orderView(orderId).get("status")).isEqualTo("packed");
        Map<?, ?> big = floor.world.merchant(this).get().uri("/api/v1/box-types/{code}", bigBox).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(maps(big.get("stock"))).singleElement().satisfies(stock -> assertThat(stock.get("on_hand")).isEqualTo(4));

        List<Map<?, ?>> cartons = maps(floor.world.merchant(this).get().uri("/api/v1/orders/{id}/cartons", orderId).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
        assertThat(cartons).extracting(carton -> (Object) carton.get("carton_number")).containsExactly(1, 2);
        assertThat(cartons).extracting(carton -> (Object) carton.get("weight_grams")).containsExactly(expected, 380);
        assertThat(cartons.get(1).get("box_type_code")).isEqualTo(bigBox);
        assertThat(maps(cartons.get(0).get("lines"))).singleElement().satisfies(line -> {
            assertThat(line.get("sku")).isEqualTo("TEE-M-NAVY");
            assertThat(line.get("quantity")).isEqualTo(2);
        });
        as(newMerchant("Packing stranger " + UUID.randomUUID())).get().uri("/api/v1/orders/{id}/cartons", orderId).exchange()
                .expectStatus().isNotFound();
        as(newMerchant("Packing stranger " + UUID.randomUUID())).get().uri("/api/v1/cartons/{id}", first.get("id")).exchange()
                .expectStatus().isNotFound();

        Map<?, ?> after = floor.packer().get().uri("/api/v1/pack-sessions/{id}", sessionId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(after.get("status")).as("the session closes with its last order packed").isEqualTo("closed");
        assertBooksAgree(floor.world.merchantId);
    }

    @Test
    void wrongScansAreRefusedWithTheirOwnProblemAndChangeNothing() {
        PackingFloor floor = PackingFloor.create(this);
        floor.lotTrackedVitamins();
        floor.stock("TEE-M-NAVY", "P-03-01-A", 2);
        floor.stock("TEE-S-SAND", "P-03-03-A", 2);
        floor.stockLot("VITC-60", "P-03-04-A", 1, "L-EARLY", "2031-01-31");
        floor.stockLot("VITC-60", "P-03-05-A", 1, "L-LATE", "2032-06-30");
        String mine = floor.order("TEE-M-NAVY", 1, "VITC-60", 1);
        String other = floor.order("TEE-S-SAND", 1);
        String cancelled = floor.order("TEE-S-SAND", 1);
        floor.pickEverything();
        for (String id : List.of(mine, other, cancelled)) {
            assertThat(floor.orderView(id).get("status")).isEqualTo("picked");
        }

        problem(floor.packer().post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", "DOCK-1", "order_id", mine)).exchange(),
                422, "not-a-pack-station");
        problem(floor.packer().post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", PackingFloor.STATION)).exchange(),
                422, "invalid-request");
        problem(floor.supervisor().post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", mine))
                .exchange(), 403, "forbidden");
        String sessionId = (String) floor.packer().post().uri("/api/v1/pack-sessions")
                .bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", mine))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        floor.packer().post().uri("/api/v1/pack-sessions/{id}/orders", sessionId).bodyValue(Map.of("order_id", other))
                .exchange().expectStatus().isOk();
        floor.packer().post().uri("/api/v1/pack-sessions/{id}/orders", sessionId).bodyValue(Map.of("order_id", cancelled))
                .exchange().expectStatus().isOk();
        Map<?, ?> carton = openCarton(floor, sessionId, mine).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Object cartonId = carton.get("id");
        scan(floor, cartonId, Map.of("sku", "TEE-M-NAVY")).expectStatus().isOk();
        Map<?, ?> before = carton(floor, cartonId);

        problem(scan(floor, cartonId, Map.of("sku", "TEE-S-SAND")), 422, "item-of-another-order");
        problem(scan(floor, cartonId, Map.of("sku", "NOT-A-SKU")), 422, "item-not-in-order");
        problem(scan(floor, cartonId, Map.of("sku", "TEE-L-NAVY")), 422, "item-not-in-order");
        problem(scan(floor, cartonId, Map.of("gtin", World.GTINS.get(0))), 422, "one-too-many");
        problem(scan(floor, cartonId, Map.of("sku", "VITC-60", "lot_number", "L-LATE")), 422, "wrong-lot");
        problem(scan(floor, cartonId, Map.of("sku", "VITC-60")), 422, "invalid-request");
        problem(scan(floor, cartonId, Map.of("sku", "VITC-60", "lot_number", "L-EARLY", "quantity", 2)), 422, "one-too-many");
        problem(scan(floor, cartonId, Map.of("sku", "TEE-M-NAVY", "gtin", World.GTINS.get(0))), 422, "invalid-request");
        problem(scan(floor, cartonId, Map.of("gtin", "4006381333932")), 422, "invalid-request");
        problem(floor.packer().post().uri("/api/v1/cartons/{id}/units", cartonId).bodyValue(Map.of("sku", "VITC-60", "lot_number", "L-EARLY"))
                .exchange(), 422, "invalid-request");
        String otherPacker = PackingFloor.worker(this, floor.world, "Q" + floor.world.badge, "Second packer", "packer");
        problem(as(otherPacker).post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", "other-" + UUID.randomUUID())
                .bodyValue(Map.of("sku", "VITC-60", "lot_number", "L-EARLY")).exchange(), 409, "not-your-pack-session");
        problem(as(otherPacker).post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", mine))
                .exchange(), 409, "order-in-another-session");
        assertThat(carton(floor, cartonId)).as("refused scans change nothing").isEqualTo(before);

        // The merchant cancels one order and holds another while they wait at the pack station.
        Map<?, ?> cancelledCarton = openCarton(floor, sessionId, cancelled).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        floor.world.merchant(this).post().uri("/api/v1/orders/{id}/cancel", cancelled).exchange().expectStatus().isOk();
        problem(scan(floor, cancelledCarton.get("id"), Map.of("sku", "TEE-S-SAND")), 409, "order-cancelled-while-packing");
        floor.world.merchant(this).post().uri("/api/v1/orders/{id}/hold", other).exchange().expectStatus().isOk();
        problem(openCarton(floor, sessionId, other), 409, "order-on-hold");
        floor.world.merchant(this).post().uri("/api/v1/orders/{id}/release-hold", other).exchange().expectStatus().isOk();
        assertThat(floor.orderView(other).get("status")).isEqualTo("picked");

        scan(floor, cartonId, Map.of("sku", "VITC-60", "lot_number", "L-EARLY")).expectStatus().isOk();
        problem(close(floor, cartonId, Map.of("box_type_code", "NO-SUCH-BOX-" + UUID.randomUUID(), "weight_grams", 300)), 422, "invalid-request");
        problem(close(floor, cartonId, Map.of("length_mm", 300, "weight_grams", 300)), 422, "invalid-request");
        assertThat(carton(floor, cartonId).get("status")).isEqualTo("open");
        // 180 g of tee and 90 g of tablets: the measured 270 g closes the carton and packs the order.
        Map<?, ?> closed = close(floor, cartonId, Map.of("length_mm", 300, "width_mm", 250, "height_mm", 120, "weight_grams", 270))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(closed.get("order_status")).isEqualTo("packed");
        assertThat(maps(((Map<?, ?>) closed.get("carton")).get("lines"))).extracting(line -> (Object) line.get("lot_number"))
                .containsExactly(null, "L-EARLY");
        problem(scan(floor, cartonId, Map.of("sku", "TEE-M-NAVY")), 409, "carton-not-open");
        assertBooksAgree(floor.world.merchantId);
    }

    @Test
    void aSupervisorConfirmsTheWeightOfACartonWaitingForARecheck() {
        PackingFloor floor = PackingFloor.create(this);
        floor.stock("TEE-S-SAND", "P-03-03-A", 1);
        String orderId = floor.order("TEE-S-SAND", 1);
        floor.pickEverything();
        String sessionId = (String) floor.packer().post().uri("/api/v1/pack-sessions")
                .bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        Object cartonId = openCarton(floor, sessionId, orderId).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        scan(floor, cartonId, Map.of("sku", "TEE-S-SAND")).expectStatus().isOk();
        problem(floor.supervisor().post().uri("/api/v1/cartons/{id}/confirm-weight", cartonId).exchange(), 409, "carton-not-in-recheck");
        Map<?, ?> rechecked = close(floor, cartonId, Map.of("length_mm", 300, "width_mm", 250, "height_mm", 30, "weight_grams", 900))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) rechecked.get("carton")).get("recheck_reason")).isEqualTo("weighed 900 g, expected 180 g ± 30 g");
        assertThat(floor.orderView(orderId).get("status")).isEqualTo("picked");
        problem(floor.packer().post().uri("/api/v1/cartons/{id}/confirm-weight", cartonId).exchange(), 403, "forbidden");

        Map<?, ?> confirmed = floor.supervisor().post().uri("/api/v1/cartons/{id}/confirm-weight", cartonId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) confirmed.get("carton")).get("status")).isEqualTo("closed");
        assertThat(((Map<?, ?>) confirmed.get("carton")).get("weight_grams")).isEqualTo(900);
        assertThat(confirmed.get("order_status")).isEqualTo("packed");
    }

    @Test
    void unitsMissingAtThePackStationGoBackToAllocationAndAreRepickedLater() {
        PackingFloor floor = PackingFloor.create(this);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 2);
        String orderId = floor.order("TEE-M-NAVY", 2);
        floor.pickEverything();
        String sessionId = (String) floor.packer().post().uri("/api/v1/pack-sessions")
                .bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        Object first = openCarton(floor, sessionId, orderId).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        scan(floor, first, Map.of("sku", "TEE-M-NAVY")).expectStatus().isOk();
        close(floor, first, Map.of("length_mm", 300, "width_mm", 250, "height_mm", 30, "weight_grams", 180)).expectStatus().isOk();

        problem(declareShort(floor, sessionId, orderId, 1, 2), 422, "invalid-request");
        problem(declareShort(floor, sessionId, orderId, 7, 1), 422, "invalid-request");
        problem(floor.packer().post().uri("/api/v1/pack-sessions/{id}/orders/{order}/short", sessionId, orderId)
                .bodyValue(Map.of("lines", List.of(Map.of("line_no", 1, "quantity", 1)))).exchange(), 422, "invalid-request");
        assertThat(floor.orderView(orderId).get("status")).isEqualTo("picked");

        // The second tee is not at the pack station: it goes back to allocation, written off where picking left it.
        Map<?, ?> outcome = declareShort(floor, sessionId, orderId, 1, 1).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(outcome.get("units_short")).isEqualTo(1);
        assertThat(outcome.get("units_written_off")).isEqualTo(1);
        assertThat(outcome.get("order_status")).isEqualTo("partially_allocated");
        Map<?, ?> waiting = floor.orderView(orderId);
        assertThat(maps(waiting.get("lines")).get(0).get("backordered")).isEqualTo(1);
        assertBooksAgree(floor.world.merchantId);
        Map<?, ?> session = floor.packer().get().uri("/api/v1/pack-sessions/{id}", sessionId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(session.get("status")).as("the order left the session, its last").isEqualTo("closed");

        // New stock arrives: the order is allocated again, the next wave picks only the missing tee, and parcel 2 packs the order.
        floor.stock("TEE-M-NAVY", "P-03-02-A", 1);
        Eventually.until(() -> floor.orderView(orderId).get("status"), "allocated"::equals);
        Map<?, ?> batch = floor.pickEverything();
        assertThat(maps(batch.get("tasks"))).singleElement().satisfies(task -> assertThat(task.get("quantity")).isEqualTo(1));
        assertThat(floor.orderView(orderId).get("status")).isEqualTo("picked");
        String again = (String) floor.packer().post().uri("/api/v1/pack-sessions")
                .bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        Map<?, ?> second = openCarton(floor, again, orderId).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(second.get("carton_number")).isEqualTo(2);
        scan(floor, second.get("id"), Map.of("sku", "TEE-M-NAVY")).expectStatus().isOk();
        problem(scan(floor, second.get("id"), Map.of("sku", "TEE-M-NAVY")), 422, "one-too-many");
        Map<?, ?> closed = close(floor, second.get("id"), Map.of("length_mm", 300, "width_mm", 250, "height_mm", 30, "weight_grams", 180))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(closed.get("order_status")).isEqualTo("packed");
        assertThat(closed.get("parcels")).isEqualTo(2);
        assertBooksAgree(floor.world.merchantId);
    }

    static WebTestClient.ResponseSpec declareShort(PackingFloor floor, String sessionId, String orderId, int lineNo, int quantity) {
        return floor.packer().post().uri("/api/v1/pack-sessions/{id}/orders/{order}/short", sessionId, orderId)
                .header("Idempotency-Key", "short-" + UUID.randomUUID())
                .bodyValue(Map.of("lines", List.of(Map.of("line_no", lineNo, "quantity", quantity)))).exchange();
    }

    static Map<?, ?> carton(PackingFloor floor, Object cartonId) {
        return floor.packer().get().uri("/api/v1/cartons/{id}", cartonId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    static WebTestClient.ResponseSpec openCarton(PackingFloor floor, String sessionId, String orderId) {
        return floor.packer().post().uri("/api/v1/pack-sessions/{id}/cartons", sessionId).bodyValue(Map.of("order_id", orderId)).exchange();
    }

    static WebTestClient.ResponseSpec scan(PackingFloor floor, Object cartonId, Map<String, Object> scan) {
        return floor.packer().post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", "scan-" + UUID.randomUUID())
                .bodyValue(scan).exchange();
    }

    static WebTestClient.ResponseSpec close(PackingFloor floor, Object cartonId, Map<String, Object> close) {
        return floor.packer().post().uri("/api/v1/cartons/{id}/close", cartonId).bodyValue(close).exchange();
    }

    /** Asserts a problem+json of the type, and returns its body. */
    static Map<?, ?> problem(WebTestClient.ResponseSpec answer, int status, String slug) {
        Map<?, ?> body = answer.expectStatus().isEqualTo(status).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body.get("type")).isEqualTo("https://stowage.io/problems/" + slug);
        return body;
    }
}
