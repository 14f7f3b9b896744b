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
        Map<?, ?> closedFirst = close(floor, first.get("id"), Map.of("length_mm", 300, "width_mm", 250, "height_mm", 60, "weight_grams", 420))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(closedFirst.get("order_status")).isEqualTo("picked");
        assertThat(((Map<?, ?>) closedFirst.get("carton")).get("status")).isEqualTo("closed");

        Map<?, ?> second = openCarton(floor, sessionId, orderId).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(second.get("carton_number")).isEqualTo(2);
        scan(floor, second.get("id"), Map.of("sku", "TEE-L-NAVY")).expectStatus().isOk();
        Map<?, ?> closedSecond = close(floor, second.get("id"), Map.of("box_type_code", "MAILER", "length_mm", 320, "width_mm", 260,
                        "height_mm", 30, "weight_grams", 230))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(closedSecond.get("order_status")).isEqualTo("packed");
        assertThat(closedSecond.get("parcels")).isEqualTo(2);
        assertThat(floor.orderView(orderId).get("status")).isEqualTo("packed");

        List<Map<?, ?>> cartons = maps(floor.world.merchant(this).get().uri("/api/v1/orders/{id}/cartons", orderId).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
        assertThat(cartons).extracting(carton -> (Object) carton.get("carton_number")).containsExactly(1, 2);
        assertThat(cartons).extracting(carton -> (Object) carton.get("box_type_code")).containsExactly(null, "MAILER");
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
