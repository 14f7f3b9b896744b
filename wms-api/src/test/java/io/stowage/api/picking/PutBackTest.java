package io.stowage.api.picking;

import io.stowage.api.support.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Units picked for an order cancelled afterwards are brought back from the pack station: the
 * cancellation's outbox event makes a put-back task, confirmed with scans like a replenishment.
 */
class PutBackTest extends ApiTest {

    private static final String PACK = "PACK-1";

    @Test
    void unitsPickedForAnOrderCancelledMidPickGoBackToTheirShelf() {
        PickingFloor floor = PickingFloor.create(this);
        floor.stock("SOCK-1", "P-04-01-A", 3);
        floor.stock("SOCK-2", "P-05-05-A", 2);
        String order = floor.order("mid-pick", "SOCK-1", 2, "SOCK-2", 1);
        release(floor);
        Map<?, ?> picked = maps(nextBatch(floor).get("tasks")).get(0);
        String sku = (String) picked.get("sku");
        String shelf = (String) picked.get("location_code");
        int units = (Integer) picked.get("quantity");
        floor.confirm(picked, "mid-pick-1", shelf, sku, units).expectStatus().isOk();
        floor.world.merchant(this).post().uri("/api/v1/orders/{id}/cancel", order).exchange().expectStatus().isOk();

        Map<?, ?> task = awaitOpenPutBack(floor);
        Object taskId = task.get("id");
        assertThat(task.get("order_id")).isEqualTo(order);
        assertThat(task.get("sku")).isEqualTo(sku);
        assertThat(task.get("from_location_code")).isEqualTo(PACK);
        assertThat(task.get("picked_from_location_code")).isEqualTo(shelf);
        assertThat(task.get("to_location_code")).isEqualTo(shelf);
        assertThat(task.get("quantity")).isEqualTo(units);
        // Only the line that was picked has units to bring back.
        assertThat(openPutBacks(floor)).hasSize(1);

        Map<String, Integer> booksBefore = balances(floor, sku);
        int movementsBefore = movements(floor, sku).size();
        confirm(floor, taskId, "pb-1", scan("P-04-02-A", sku, shelf, units)).expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://stowage.io/problems/wrong-location")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(PACK));
        confirm(floor, taskId, "pb-1", scan(PACK, "SOCK-6", shelf, units)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/wrong-product");
        confirm(floor, taskId, "pb-1", scan(PACK, sku, "P-04-09-A", units)).expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://stowage.io/problems/wrong-destination")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(shelf));
        confirm(floor, taskId, "pb-1", scan(PACK, sku, shelf, units + 1)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        confirm(floor, taskId, "pb-1", Map.of("from_location_code", PACK, "to_location_code", shelf, "quantity", units))
                .expectStatus().isEqualTo(422);
        assertThat(balances(floor, sku)).isEqualTo(booksBefore);
        assertThat(movements(floor, sku)).hasSize(movementsBefore);

        Map<String, Object> scan = scan(PACK, sku, shelf, units);
        Map<?, ?> answer = confirm(floor, taskId, "pb-1", scan).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "false")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) answer.get("task")).get("status")).isEqualTo("done");
        assertThat(((Map<?, ?>) answer.get("task")).get("moved_quantity")).isEqualTo(units);
        assertThat(answer.get("moved_quantity")).isEqualTo(units);
        assertThat(answer.get("units_written_off")).isEqualTo(0);

        // A retry with the same key replays the answer and moves nothing again; another key finds the task done.
        Map<?, ?> replayed = confirm(floor, taskId, "pb-1", scan).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(replayed).isEqualTo(answer);
        confirm(floor, taskId, "pb-2", scan).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/put-back-done");

        assertThat(balances(floor, sku)).containsEntry(shelf, booksBefore.get(shelf) + units).doesNotContainKey(PACK);
        assertThat(movements(floor, sku)).filteredOn(move -> "put_back".equals(move.get("kind")))
                .singleElement().satisfies(move -> {
                    assertThat(move.get("quantity")).isEqualTo(units);
                    assertThat(move.get("from_location_code")).isEqualTo(PACK);
                    assertThat(move.get("to_location_code")).isEqualTo(shelf);
                    assertThat(move.get("reference_id")).isEqualTo(taskId);
                });
        assertThat(openPutBacks(floor)).isEmpty();
        assertThat(maps(floor.picker().get().uri("/api/v1/put-back-tasks?status=done").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items"))).singleElement()
                .satisfies(done -> assertThat(done.get("id")).isEqualTo(taskId));
        floor.assertBooksAgree();
    }

    @Test
    void aPutBackAfterTheWholeBatchWasPickedGoesWherePutawaySaysAndWritesOffOnlyItsOwnMissingUnits() {
        PickingFloor floor = PickingFloor.create(this);
        floor.stock("SOCK-3", "P-04-03-A", 6);
        String cancelled = floor.order("whole-cancelled", "SOCK-3", 3);
        String kept = floor.order("whole-kept", "SOCK-3", 1);
        release(floor);
        for (Map<?, ?> task : maps(nextBatch(floor).get("tasks"))) {
            floor.confirm(task, "whole-" + task.get("id"), (String) task.get("location_code"), "SOCK-3", (Integer) task.get("quantity"))
                    .expectStatus().isOk();
        }
        assertThat(floor.orderView(cancelled).get("status")).isEqualTo("picked");
        assertThat(balances(floor, "SOCK-3")).containsEntry(PACK, 4).containsEntry("P-04-03-A", 2);
        // The shelf is taken out of use before the put-back: the units go where putaway suggests instead.
        admin().patch().uri("/api/v1/nodes/{code}/locations/{location}", floor.world.node, "P-04-03-A")
                .bodyValue(Map.of("active", false)).exchange().expectStatus().isOk();
        floor.world.merchant(this).post().uri("/api/v1/orders/{id}/cancel", cancelled).exchange().expectStatus().isOk();

        Map<?, ?> task = awaitOpenPutBack(floor);
        assertThat(task.get("order_id")).isEqualTo(cancelled);
        assertThat(task.get("quantity")).isEqualTo(3);
        assertThat(task.get("picked_from_location_code")).isEqualTo("P-04-03-A");
        String destination = (String) task.get("to_location_code");
        assertThat(destination).isNotEqualTo("P-04-03-A").startsWith("P-");

        // Two of the three units are found at the pack station; the third is missing. The kept order's unit stays booked there.
        Map<?, ?> answer = confirm(floor, task.get("id"), "pb-short", scan(PACK, "SOCK-3", destination, 2)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer.get("moved_quantity")).isEqualTo(2);
        assertThat(answer.get("units_written_off")).isEqualTo(1);
        assertThat(((Map<?, ?>) answer.get("task")).get("moved_quantity")).isEqualTo(2);
        assertThat(balances(floor, "SOCK-3")).containsEntry(PACK, 1).containsEntry(destination, 2).containsEntry("P-04-03-A", 2);
        assertThat(movements(floor, "SOCK-3")).filteredOn(move -> "short_put_back".equals(move.get("kind")))
                .singleElement().satisfies(move -> {
                    assertThat(move.get("quantity")).isEqualTo(1);
                    assertThat(move.get("from_location_code")).isEqualTo(PACK);
                    assertThat(move.get("reason")).isEqualTo("short_put_back");
                    assertThat(move.get("reference_id")).isEqualTo(task.get("id"));
                });
        assertThat(floor.orderView(kept).get("status")).isEqualTo("picked");
        floor.assertBooksAgree();
    }

    private static void release(PickingFloor floor) {
        String waveId = floor.plannedWave(4, 1);
        floor.supervisor().post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isOk();
    }

    private static Map<?, ?> nextBatch(PickingFloor floor) {
        return floor.picker().get().uri("/api/v1/pick-tasks/next").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The cancellation's event is fanned out by a background loop: waits for its task, a bounded number of times. */
    private static Map<?, ?> awaitOpenPutBack(PickingFloor floor) {
        List<Map<?, ?>> open = Eventually.until(() -> openPutBacks(floor), tasks -> !tasks.isEmpty());
        assertThat(open).as("put-back tasks after the cancellation").isNotEmpty();
        return open.get(0);
    }

    private static List<Map<?, ?>> openPutBacks(PickingFloor floor) {
        return maps(floor.picker().get().uri("/api/v1/put-back-tasks?status=open").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items"));
    }

    private static Map<String, Object> scan(String from, String sku, String to, int quantity) {
        return Map.of("from_location_code", from, "sku", sku, "to_location_code", to, "quantity", quantity);
    }

    private static WebTestClient.ResponseSpec confirm(PickingFloor floor, Object taskId, String key, Map<String, Object> body) {
        return floor.picker().post().uri("/api/v1/put-back-tasks/{id}/confirm", taskId).header("Idempotency-Key", key)
                .bodyValue(body).exchange();
    }

    /** The SKU's units on the books by location (locations holding none left out). */
    private static Map<String, Integer> balances(PickingFloor floor, String sku) {
        List<Map<?, ?>> rows = maps(floor.world.merchant(floor.test).get().uri("/api/v1/stock/balances?sku={sku}", sku).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
        Map<String, Integer> byLocation = new HashMap<>();
        rows.stream().filter(row -> (Integer) row.get("on_hand") > 0)
                .forEach(row -> byLocation.merge((String) row.get("location_code"), (Integer) row.get("on_hand"), Integer::sum));
        return byLocation;
    }

    private static List<Map<?, ?>> movements(PickingFloor floor, String sku) {
        return maps(floor.world.merchant(floor.test).get().uri("/api/v1/stock/movements?sku={sku}&limit=500", sku).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> maps(Object list) {
        return ((List<Object>) list).stream().map(item -> (Map<?, ?>) item).collect(Collectors.toList());
    }
}
