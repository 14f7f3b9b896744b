package io.stowage.api.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import io.stowage.barcodes.gs1.Sscc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Loads at the dock without any carton yet: opening, who may use them, and input that is refused with nothing changed. */
class LoadRulesTest extends ApiTest {

    @Test
    void aCarrierHasOneOpenLoadPerNodeAndADockMustBeADock() {
        World world = World.create(this);
        Map<String, Object> first = open(world.worker(this), Map.of("carrier", "Sandbox", "dock_code", "DOCK-1", "trailer", "LY-123"))
                .expectStatus().isCreated().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(first).containsEntry("carrier", "sandbox").containsEntry("status", "open").containsEntry("dock_code", "DOCK-1")
                .containsEntry("node_code", world.node).containsEntry("parcels", 0).containsEntry("weight_grams", 0);
        assertThat((List<?>) first.get("not_loaded")).isEmpty();

        open(world.worker(this), Map.of("carrier", "sandbox")).expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(first.get("id")).jsonPath("$.trailer").isEqualTo("LY-123");
        open(world.worker(this), Map.of("carrier", "dpd-baltics")).expectStatus().isCreated();

        open(world.worker(this), Map.of("carrier", "omniva", "dock_code", "A-01-01-A")).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("dock_code");
        open(world.worker(this), Map.of("carrier", "DPD Baltics!")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("carrier");
        world.worker(this).get().uri("/api/v1/loads?status=open").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.items[1].carrier").isEqualTo("sandbox");
    }

    @Test
    void scansThatAreNoCartonOfThisNodeAreRefusedAndAnEmptyLoadDoesNotClose() {
        World world = World.create(this);
        String load = (String) open(world.worker(this), Map.of("carrier", "sandbox")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");

        scan(world.worker(this), load, "k1", "12345").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("sscc");
        scan(world.worker(this), load, "k2", Sscc.of("4771234", 9, 987654321L).value()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/not-found");
        world.worker(this).post().uri("/api/v1/loads/{id}/cartons", load).bodyValue(Map.of("sscc", Sscc.of("4771234", 9, 1L).value()))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");

        world.worker(this).post().uri("/api/v1/loads/{id}/close", load).header("Idempotency-Key", "close-1").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/load-empty");
        world.worker(this).get().uri("/api/v1/loads/{id}/manifest.csv", load).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/load-open");
        world.worker(this).get().uri("/api/v1/loads/{id}", load).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("open").jsonPath("$.parcels").isEqualTo(0);
    }

    @Test
    void loadsBelongToTheirNodeAndToDockWorkers() {
        World world = World.create(this);
        World other = World.create(this);
        String load = (String) open(world.worker(this), Map.of("carrier", "sandbox")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");

        other.worker(this).get().uri("/api/v1/loads/{id}", load).exchange().expectStatus().isNotFound();
        scan(other.worker(this), load, "k1", Sscc.of("4771234", 9, 2L).value()).expectStatus().isNotFound();
        world.merchant(this).get().uri("/api/v1/loads/{id}", load).exchange().expectStatus().isForbidden();
        admin().get().uri("/api/v1/loads/{id}", load).exchange().expectStatus().isOk();
        admin().get().uri("/api/v1/loads?node_code={node}", world.node).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(load);

        admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of("badge_code", "K" + world.badge, "name", "Picker", "pin", "2468",
                "node_code", world.node, "roles", List.of("picker"))).exchange().expectStatus().isCreated();
        Map<?, ?> session = web.post().uri("/api/v1/auth/worker-sessions").bodyValue(Map.of("badge_code", "K" + world.badge, "pin", "2468"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        open(as((String) session.get("token")), Map.of("carrier", "sandbox")).expectStatus().isForbidden();
    }

    static WebTestClient.ResponseSpec open(WebTestClient worker, Map<String, Object> body) {
        return worker.post().uri("/api/v1/loads").bodyValue(body).exchange();
    }

    static WebTestClient.ResponseSpec scan(WebTestClient worker, String loadId, String key, String sscc) {
        return worker.post().uri("/api/v1/loads/{id}/cartons", loadId).header("Idempotency-Key", key).bodyValue(Map.of("sscc", sscc)).exchange();
    }
}
