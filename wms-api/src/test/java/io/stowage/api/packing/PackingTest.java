package io.stowage.api.packing;

import static io.stowage.api.packing.PackingFloor.maps;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
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
        String sessionId = (String) session.get("id");

        Map<?, ?> first = openCarton(floor, sessionId, orderId).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first.get("carton_number")).isEqualTo(1);
        assertThat(first.get("status")).isEqualTo("open");
        Map<?, ?> scanned = scan(floor, first.get("id"), Map.of("gtin", World.GTINS.get(0), "quantity", 2)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(scanned.get("line_remaining")).isEqualTo(0);
        assertThat(scanned.get("order_remaining")).isEqualTo(1);
        // Two tees weigh 360 g by the catalog: 420 g is outside the tolerance, so the carton waits for a re-check instead of closing.
        Map<?, ?> rechecked = close(floor, first.get("id"), Map.of("length_mm", 300, "width_mm", 250, "height_mm", 60, "weight_grams", 420))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) rechecked.get("carton")).get("status")).isEqualTo("recheck");
        assertThat(((Map<?, ?>) rechecked.get("carton")).get("expected_weight_grams")).isEqualTo(360);
        assertThat(((Map<?, ?>) rechecked.get("weight_check")).get("within_tolerance")).isEqualTo(false);
        openCarton(floor, sessionId, orderId).expectStatus().isEqualTo(409);
        // The packer re-weighs: 370 g is within it.
        Map<?, ?> closedFirst = close(floor, first.get("id"), Map.of("length_mm", 300, "width_mm", 250, "height_mm", 60, "weight_grams", 370))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(closedFirst.get("order_status")).isEqualTo("picked");
        assertThat(((Map<?, ?>) closedFirst.get("carton")).get("status")).isEqualTo("closed");

        Map<?, ?> second = openCarton(floor, sessionId, orderId).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(second.get("carton_number")).isEqualTo(2);
        scan(floor, second.get("id"), Map.of("sku", "TEE-L-NAVY")).expectStatus().isOk();
        Map<?, ?> closedSecond = close(floor, second.get("id"), Map.of("length_mm", 320, "width_mm", 260, "height_mm", 30, "weight_grams", 185))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(closedSecond.get("order_status")).isEqualTo("packed");
        assertThat(closedSecond.get("parcels")).isEqualTo(2);
        assertThat(floor.orderView(orderId).get("status")).isEqualTo("packed");

        List<Map<?, ?>> cartons = maps(floor.world.merchant(this).get().uri("/api/v1/orders/{id}/cartons", orderId).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
        assertThat(cartons).extracting(carton -> (Object) carton.get("carton_number")).containsExactly(1, 2);
        assertThat(cartons).extracting(carton -> (Object) carton.get("weight_grams")).containsExactly(370, 185);
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
