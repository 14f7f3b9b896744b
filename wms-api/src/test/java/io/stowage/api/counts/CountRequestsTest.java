package io.stowage.api.counts;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A merchant asks for a cycle count of its own stock; the supervisor sees it with the node's counts, and it is billed to the merchant. */
class CountRequestsTest extends ApiTest {

    @Autowired
    RequestedCounts requestedCounts;

    @Test
    void aMerchantAsksForACountOfItsSkuAndTheSupervisorCountsItForTheMerchantsBill() {
        World world = World.create(this);
        receive(world, "TEE-M-NAVY", 4, "A-01-01-A");
        receive(world, "TEE-M-NAVY", 2, "A-01-02-A");
        receive(world, "TEE-L-NAVY", 3, "A-02-09-A");
        Instant before = Instant.now().minusSeconds(1);

        List<Map<String, Object>> opened = requestCount(world.merchant(this), Map.of("node_code", world.node, "sku", "TEE-M-NAVY"))
                .expectStatus().isCreated().expectBody(List.class).returnResult().getResponseBody();
        assertThat(opened).extracting(task -> task.get("location_code"), task -> task.get("node_code"), task -> task.get("status"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A-01-01-A", world.node, "open"),
                        org.assertj.core.groups.Tuple.tuple("A-01-02-A", world.node, "open"));

        Map<?, ?> supervisorsList = world.worker(this).get().uri("/api/v1/count-tasks").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) supervisorsList.get("items"))
                .filteredOn(task -> task.get("location_code").equals("A-01-01-A") || task.get("location_code").equals("A-01-02-A"))
                .extracting(task -> task.get("requested_by_merchant_id"))
                .containsExactly(world.merchantId, world.merchantId);

        String taskId = (String) opened.get(0).get("id");
        world.worker(this).post().uri("/api/v1/count-tasks/{id}/counts", taskId).header("Idempotency-Key", "count-request-" + taskId)
                .bodyValue(Map.of("lines", List.of(Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 4))))
                .exchange().expectStatus().isCreated();
        world.worker(this).post().uri("/api/v1/count-tasks/{id}/approve", taskId).exchange().expectStatus().isOk();

        assertThat(requestedCounts.approvedBetween(UUID.fromString(world.merchantId), before, Instant.now().plus(Duration.ofMinutes(1)))
                .collectList().block())
                .extracting(RequestedCounts.RequestedCount::taskId, RequestedCounts.RequestedCount::locationCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UUID.fromString(taskId), "A-01-01-A"));
        Map<?, ?> mine = world.merchant(this).get().uri("/api/v1/count-requests").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) mine.get("items"))
                .extracting(task -> task.get("location_code"), task -> task.get("status"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("A-01-01-A", "approved"), org.assertj.core.groups.Tuple.tuple("A-01-02-A", "open"));
        world.merchant(this).get().uri("/api/v1/count-requests?status=open&limit=1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].location_code").isEqualTo("A-01-02-A")
                .jsonPath("$.next_cursor").doesNotExist();

        requestCount(world.merchant(this), Map.of("node_code", world.node, "location_codes", List.of("A-01-02-A")))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("A-01-02-A"));
    }

    @Test
    void aMerchantCanNeitherAskForNorSeeCountsOfAnotherMerchantsStock() {
        World owner = World.create(this);
        receive(owner, "TEE-M-NAVY", 5, "A-01-01-A");
        String ownersTask = (String) ((Map<?, ?>) requestCount(owner.merchant(this), Map.of("node_code", owner.node, "location_codes", List.of("A-01-01-A")))
                .expectStatus().isCreated().expectBody(List.class).returnResult().getResponseBody().get(0)).get("id");

        World stranger = World.create(this);
        receive(stranger, "TEE-M-NAVY", 1, "DOCK-1");
        for (Map<String, Object> asked : List.of(
                Map.<String, Object>of("node_code", owner.node, "location_codes", List.of("A-01-02-A")),
                Map.<String, Object>of("node_code", owner.node, "location_codes", List.of("NO-SUCH-PLACE")),
                Map.<String, Object>of("node_code", owner.node, "sku", "TEE-M-NAVY"))) {
            requestCount(stranger.merchant(this), asked).expectStatus().isEqualTo(422)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // A location that holds none of the merchant's units is refused as one that does not exist: nothing to tell them apart.
        String empty = problemMessage(requestCount(stranger.merchant(this), Map.of("node_code", owner.node, "location_codes", List.of("A-01-01-A"))));
        String unknown = problemMessage(requestCount(stranger.merchant(this), Map.of("node_code", owner.node, "location_codes", List.of("ZZ-99"))));
        assertThat(empty.replace("A-01-01-A", "?")).isEqualTo(unknown.replace("ZZ-99", "?"));

        stranger.merchant(this).get().uri("/api/v1/count-requests").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(ownersTask).doesNotContain(owner.node));
        requestCount(owner.worker(this), Map.of("node_code", owner.node, "location_codes", List.of("A-01-01-A")))
                .expectStatus().isForbidden();
        owner.worker(this).get().uri("/api/v1/count-requests").exchange().expectStatus().isForbidden();
        Map<?, ?> supervisorsList = owner.worker(this).get().uri("/api/v1/count-tasks").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) supervisorsList.get("items")).extracting(task -> task.get("id")).containsExactly(ownersTask);
    }

    @Test
    void badRequestsAreProblemsAndOpenNothing() {
        World world = World.create(this);
        receive(world, "TEE-M-NAVY", 2, "A-01-01-A");
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("node_code", world.node),
                Map.<String, Object>of("node_code", world.node, "sku", "TEE-M-NAVY", "location_codes", List.of("A-01-01-A")),
                Map.<String, Object>of("node_code", world.node, "location_codes", List.of()),
                Map.<String, Object>of("node_code", "NOWHERE-" + UUID.randomUUID(), "sku", "TEE-M-NAVY"),
                Map.<String, Object>of("node_code", world.node, "sku", "NO-SUCH-SKU"),
                Map.<String, Object>of("node_code", world.node, "sku", "TEE-S-SAND"),
                Map.<String, Object>of("sku", "TEE-M-NAVY"))) {
            requestCount(world.merchant(this), bad).expectStatus().value(status -> assertThat(status).as(bad.toString()).isIn(400, 422))
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        world.merchant(this).get().uri("/api/v1/count-requests?status=lost").exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        world.merchant(this).get().uri("/api/v1/count-requests").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    private WebTestClient.ResponseSpec requestCount(WebTestClient client, Map<String, Object> body) {
        return client.post().uri("/api/v1/count-requests").header("Idempotency-Key", "count-request-" + UUID.randomUUID())
                .bodyValue(body).exchange();
    }

    private static String problemMessage(WebTestClient.ResponseSpec answer) {
        Map<?, ?> problem = answer.expectStatus().isEqualTo(422).expectBody(Map.class).returnResult().getResponseBody();
        return String.valueOf(problem.get("detail")) + " " + problem.get("errors");
    }

    private void receive(World world, String sku, int quantity, String location) {
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", "count-request-stock-" + UUID.randomUUID())
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity, "location_code", location))
                .exchange().expectStatus().isCreated();
    }
}
