package io.stowage.api.picking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Replenishment confirmed as on a handheld: the reserve location, the product and the face are
 * scanned, and the units moved counted. Each test releases a wave whose face P-03-01-A (SOCK-3,
 * minimum 2, holding 1) needs 4 units for an order of 3: the task takes them from the fullest
 * reserve location, P-04-10-A (6 units on the books), while P-05-02-A holds 5 more.
 */
class ReplenishmentTest extends ApiTest {

    private static final String FACE = "P-03-01-A";
    private static final String SOURCE = "P-04-10-A";
    private static final String OTHER_RESERVE = "P-05-02-A";

    @Test
    void wrongScansAndTooManyUnitsAreRefusedAndChangeNothing() {
        PickingFloor floor = PickingFloor.create(this);
        Map<?, ?> task = releasedWaveWithReplenishment(floor, "refuse");
        Object taskId = task.get("id");
        Map<String, Integer> booksBefore = balances(floor);
        int movementsBefore = movements(floor).size();

        // A body-less confirmation (the old call) is refused: the scans are the point.
        floor.picker().post().uri("/api/v1/replenishment-tasks/{id}/confirm", taskId).header("Idempotency-Key", "rp-1")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/malformed-request");
        confirm(floor, taskId, "rp-1", scan(OTHER_RESERVE, "SOCK-3", FACE, 4)).expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://stowage.io/problems/wrong-location")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(SOURCE));
        confirm(floor, taskId, "rp-1", scan(SOURCE, "SOCK-1", FACE, 4)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/wrong-product");
        confirm(floor, taskId, "rp-1", scan(SOURCE, "SOCK-3", "P-03-02-A", 4)).expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://stowage.io/problems/wrong-destination")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(FACE));
        confirm(floor, taskId, "rp-1", scan(SOURCE, "SOCK-3", FACE, 5)).expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://stowage.io/problems/invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("quantity");
        confirm(floor, taskId, "rp-1", Map.of("from_location_code", SOURCE, "to_location_code", FACE, "quantity", 4))
                .expectStatus().isEqualTo(422);
        assertThat(balances(floor)).isEqualTo(booksBefore);
        assertThat(movements(floor)).hasSize(movementsBefore);
        assertThat(openReplenishments(floor).stream().map(open -> (Object) open.get("id")).toList()).containsExactly(taskId);

        // Units taken from the reserve location since the task was made: the books now show 3 there, fewer than the task's 4.
        floor.supervisor().post().uri("/api/v1/moves").header("Idempotency-Key", "refuse-move-out")
                .bodyValue(Map.of("merchant_id", floor.world.merchantId, "sku", "SOCK-3", "quantity", 3,
                        "from_location_code", SOURCE, "to_location_code", "P-05-03-A"))
                .exchange().expectStatus().isCreated();
        int movementsAfterMove = movements(floor).size();
        confirm(floor, taskId, "rp-1", scan(SOURCE, "SOCK-3", FACE, 4)).expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("quantity")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("3 units"));
        assertThat(movements(floor)).hasSize(movementsAfterMove);

        // Refusals kept nothing, not even the key: the same key now confirms the task.
        Map<?, ?> done = confirmed(confirm(floor, taskId, "rp-1", scan(SOURCE, "SOCK-3", FACE, 3)));
        assertThat(((Map<?, ?>) done.get("task")).get("status")).isEqualTo("done");
        assertThat(done.get("moved_quantity")).isEqualTo(3);
        floor.assertBooksAgree();
    }

    @Test
    void aShortReplenishmentBooksTheMovedUnitsWritesOffTheMissingOnesAndBringsTheRestFromAnotherReserve() {
        PickingFloor floor = PickingFloor.create(this);
        Map<?, ?> task = releasedWaveWithReplenishment(floor, "partial");
        Object taskId = task.get("id");
        Map<String, Object> scan = scan(SOURCE, "SOCK-3", FACE, 2);

        Map<?, ?> answer = confirm(floor, taskId, "rp-partial", scan).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "false")
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> confirmedTask = (Map<?, ?>) answer.get("task");
        assertThat(confirmedTask.get("status")).isEqualTo("done");
        assertThat(confirmedTask.get("quantity")).isEqualTo(4);
        assertThat(answer.get("moved_quantity")).isEqualTo(2);
        // The worker emptied the location: the 4 units the books still showed there are missing.
        assertThat(answer.get("units_written_off")).isEqualTo(4);
        List<Map<?, ?>> added = maps(answer.get("added_tasks"));
        assertThat(added).hasSize(1);
        assertThat(added.get(0).get("from_location_code")).isEqualTo(OTHER_RESERVE);
        assertThat(added.get(0).get("to_location_code")).isEqualTo(FACE);
        // The face holds 3 now and its open picks take 3, so 2 more bring it back to its minimum.
        assertThat(added.get(0).get("quantity")).isEqualTo(2);
        assertThat(added.get(0).get("status")).isEqualTo("open");
        assertThat(confirmedTask.get("moved_quantity")).isEqualTo(2);
        assertThat(added.get(0).get("replaces_task_id")).isEqualTo(taskId);
        assertThat(added.get(0).get("moved_quantity")).isNull();

        // A retry with the same key replays the first answer and moves nothing again.
        Map<?, ?> replayed = confirm(floor, taskId, "rp-partial", scan).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(replayed).isEqualTo(answer);
        assertThat(balances(floor)).containsEntry(FACE, 3).containsEntry(OTHER_RESERVE, 5).doesNotContainKey(SOURCE);
        List<Map<?, ?>> moves = movements(floor);
        assertThat(moves).filteredOn(move -> "replenishment".equals(move.get("kind")))
                .singleElement().satisfies(move -> {
                    assertThat(move.get("quantity")).isEqualTo(2);
                    assertThat(move.get("from_location_code")).isEqualTo(SOURCE);
                    assertThat(move.get("to_location_code")).isEqualTo(FACE);
                });
        assertThat(moves).filteredOn(move -> "short_replenishment".equals(move.get("kind")))
                .singleElement().satisfies(move -> {
                    assertThat(move.get("quantity")).isEqualTo(4);
                    assertThat(move.get("from_location_code")).isEqualTo(SOURCE);
                    assertThat(move.get("reason")).isEqualTo("short_replenishment");
                    assertThat(move.get("reference_id")).isEqualTo(taskId);
                });

        confirm(floor, taskId, "rp-partial", scan(SOURCE, "SOCK-3", FACE, 1)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/idempotency-key-reused");
        confirm(floor, taskId, "rp-again", scan).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/replenishment-done");

        // The face still waits for the follow-up, so its batch is not offered; once it is done the order is picked.
        floor.picker().get().uri("/api/v1/pick-tasks/next").exchange().expectStatus().isNoContent();
        Map<?, ?> followUp = confirmed(confirm(floor, added.get(0).get("id"), "rp-follow-up", scan(OTHER_RESERVE, "SOCK-3", FACE, 2)));
        assertThat(followUp.get("units_written_off")).isEqualTo(0);
        assertThat(maps(followUp.get("added_tasks"))).isEmpty();
        Map<?, ?> batch = floor.picker().get().uri("/api/v1/pick-tasks/next").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> pick = maps(batch.get("tasks")).get(0);
        floor.confirm(pick, "pick-after-replenishment", FACE, "SOCK-3", 3).expectStatus().isOk()
                .expectBody().jsonPath("$.order_status").isEqualTo("picked");
        assertThat(balances(floor)).containsEntry(FACE, 2).containsEntry(OTHER_RESERVE, 3);
        floor.assertBooksAgree();
    }

    /** Stocks the face and two reserve locations, orders 3 units and releases the wave; returns its one replenishment task. */
    private Map<?, ?> releasedWaveWithReplenishment(PickingFloor floor, String key) {
        admin().patch().uri("/api/v1/nodes/{code}/locations/{location}", floor.world.node, FACE)
                .bodyValue(Map.of("pick_face", Map.of("merchant_id", floor.world.merchantId, "sku", "SOCK-3"), "pick_face_min", 2))
                .exchange().expectStatus().isOk();
        floor.stock("SOCK-3", FACE, 1);
        floor.stock("SOCK-3", SOURCE, 6);
        floor.stock("SOCK-3", OTHER_RESERVE, 5);
        floor.order(key + "-order", "SOCK-3", 3);
        String waveId = floor.plannedWave(2, 1);
        Map<?, ?> released = floor.supervisor().post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<?, ?>> replenishments = maps(released.get("replenishment_tasks"));
        assertThat(replenishments).hasSize(1);
        assertThat(replenishments.get(0).get("from_location_code")).isEqualTo(SOURCE);
        assertThat(replenishments.get(0).get("quantity")).isEqualTo(4);
        return replenishments.get(0);
    }

    private static Map<String, Object> scan(String from, String sku, String to, int quantity) {
        return Map.of("from_location_code", from, "sku", sku, "to_location_code", to, "quantity", quantity);
    }

    private static WebTestClient.ResponseSpec confirm(PickingFloor floor, Object taskId, String key, Map<String, Object> body) {
        return floor.picker().post().uri("/api/v1/replenishment-tasks/{id}/confirm", taskId).header("Idempotency-Key", key)
                .bodyValue(body).exchange();
    }

    private static Map<?, ?> confirmed(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<Map<?, ?>> openReplenishments(PickingFloor floor) {
        return maps(floor.picker().get().uri("/api/v1/replenishment-tasks?status=open").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items"));
    }

    /** SOCK-3's units on the books by location (locations holding none left out). */
    private static Map<String, Integer> balances(PickingFloor floor) {
        List<Map<?, ?>> rows = maps(floor.world.merchant(floor.test).get().uri("/api/v1/stock/balances?sku=SOCK-3").exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
        Map<String, Integer> byLocation = new HashMap<>();
        rows.stream().filter(row -> (Integer) row.get("on_hand") > 0)
                .forEach(row -> byLocation.merge((String) row.get("location_code"), (Integer) row.get("on_hand"), Integer::sum));
        return byLocation;
    }

    private static List<Map<?, ?>> movements(PickingFloor floor) {
        return maps(floor.world.merchant(floor.test).get().uri("/api/v1/stock/movements?sku=SOCK-3&limit=500").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> maps(Object list) {
        return ((List<Object>) list).stream().map(item -> (Map<?, ?>) item).collect(Collectors.toList());
    }
}
