package io.stowage.api.picking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import io.stowage.picking.layout.WarehouseLayout;
import io.stowage.picking.routing.PickRouter;
import io.stowage.picking.routing.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** Waves, pick tasks, short picks and replenishment through the HTTP API. */
class WavesTest extends ApiTest {

    @Autowired
    Network network;

    @Autowired
    DatabaseClient db;

    @Test
    void aWaveIsBatchedWithinCartCapacityPickedInRouteOrderAndLeavesTheBooksTrue() {
        PickingFloor floor = PickingFloor.create(this);
        List<String> shelves = List.of("P-03-01-A", "P-03-08-A", "P-04-03-A", "P-04-10-A", "P-05-05-A", "P-05-02-A");
        for (int i = 0; i < PickingFloor.SOCKS.size(); i++) {
            floor.stock(PickingFloor.SOCKS.get(i), shelves.get(i), 10);
        }
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(floor.order("wave-order-" + i, PickingFloor.SOCKS.get(i), 1, PickingFloor.SOCKS.get((i + 3) % 6), 2));
        }

        String waveId = floor.plannedWave(2, 2);
        Map<?, ?> wave = floor.wave(waveId);
        List<Map<?, ?>> batches = maps(wave.get("batches"));
        assertThat(batches).hasSizeGreaterThanOrEqualTo(3);
        assertThat(wave.get("order_ids")).asList().hasSize(6);
        WarehouseLayout layout = FloorPlan.of(network.node(floor.world.node).map(Node::id)
                .flatMapMany(network::locations).collectList().block()).orElseThrow().layout();
        int tasks = 0;
        for (Map<?, ?> batch : batches) {
            assertThat((Integer) batch.get("totes")).isBetween(1, 2);
            List<Map<?, ?>> batchTasks = maps(batch.get("tasks"));
            tasks += batchTasks.size();
            List<String> codes = batchTasks.stream().map(task -> (String) task.get("location_code")).toList();
            Route route = PickRouter.route(layout, codes);
            // Held-Karp is exact for a batch's few stops: walking the tasks in their order is a shortest route.
            assertThat(walkedMetres(layout, codes)).isCloseTo(route.lengthMetres(), Offset.offset(1e-6));
            assertThat((Double) batch.get("route_length_m")).isCloseTo(route.lengthMetres(), Offset.offset(1e-6));
            assertThat(batchTasks.stream().map(task -> task.get("order_id")).distinct().count()).isLessThanOrEqualTo(2);
        }
        assertThat(tasks).isEqualTo(12);

        floor.test.as(floor.world.merchantKey).get().uri("/api/v1/waves/{id}", waveId).exchange().expectStatus().isForbidden();
        World elsewhere = World.create(this);
        elsewhere.worker(this).get().uri("/api/v1/waves/{id}", waveId).exchange().expectStatus().isNotFound();
        elsewhere.worker(this).post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isNotFound();

        floor.supervisor().post().uri("/api/v1/waves/{id}/replan", waveId).exchange().expectStatus().isAccepted();
        assertThat(maps(floor.awaitPlanned(waveId).get("batches"))).hasSizeGreaterThanOrEqualTo(3);
        floor.supervisor().post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("released");
        floor.supervisor().post().uri("/api/v1/waves/{id}/replan", waveId).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/wave-released");
        floor.supervisor().post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isEqualTo(409);
        orders.forEach(order -> assertThat(floor.orderView(order).get("status")).isEqualTo("released"));

        Map<?, ?> first = nextBatch(floor);
        Map<?, ?> task = maps(first.get("tasks")).get(0);
        String sku = sku(task);
        String mine = "stock_movements WHERE merchant_id = CAST('" + floor.world.merchantId + "' AS uuid)";
        long movements = count(mine);
        floor.confirm(task, "wrong-place", "P-05-10-A".equals(task.get("location_code")) ? "P-05-09-A" : "P-05-10-A", sku, 1)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/wrong-location");
        String otherSku = PickingFloor.SOCKS.stream().filter(other -> !other.equals(sku)).findFirst().orElseThrow();
        floor.confirm(task, "wrong-product", (String) task.get("location_code"), otherSku, 1)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/wrong-product");
        assertThat(count(mine)).isEqualTo(movements);
        assertThat(floor.wave(waveId).toString()).doesNotContain("status=picked");

        int picked = 0;
        for (Map<?, ?> batch = first; batch != null; batch = nextBatchOrNull(floor)) {
            for (Map<?, ?> open : maps(batch.get("tasks"))) {
                floor.confirm(open, "pick-" + open.get("id"), (String) open.get("location_code"), sku(open), (Integer) open.get("quantity"))
                        .expectStatus().isOk();
                picked++;
            }
        }
        assertThat(picked).isEqualTo(12);
        orders.forEach(order -> assertThat(floor.orderView(order).get("status")).isEqualTo("picked"));
        assertThat(floor.wave(waveId).get("status")).isEqualTo("completed");
        assertThat(movementsAt(floor, "pick")).isEqualTo(12);
        floor.assertBooksAgree();
    }

    @Test
    void shortPicksTakeUnitsFromAnotherLocationOrBackorderTheLineAndRecordTheLoss() {
        PickingFloor floor = PickingFloor.create(this);
        floor.stock("SOCK-1", "P-03-01-A", 3);
        floor.stock("SOCK-1", "P-04-10-A", 2);
        floor.stock("SOCK-2", "P-05-05-A", 2);
        String reallocated = floor.order("short-1", "SOCK-1", 2);
        String backordered = floor.order("short-2", "SOCK-2", 2);
        String waveId = floor.plannedWave(4, 1);
        floor.supervisor().post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isOk();

        int confirmed = 0;
        for (Map<?, ?> batch = nextBatch(floor); batch != null; batch = nextBatchOrNull(floor)) {
            List<Map<?, ?>> open = new ArrayList<>(maps(batch.get("tasks")));
            while (!open.isEmpty()) {
                Map<?, ?> task = open.remove(0);
                if (!"open".equals(task.get("status"))) {
                    continue;
                }
                String location = (String) task.get("location_code");
                if ("P-03-01-A".equals(location)) {
                    Map<?, ?> answer = confirmed(floor.confirm(task, "short-a", location, "SOCK-1", 1));
                    List<Map<?, ?>> added = maps(answer.get("added_tasks"));
                    assertThat(added).hasSize(1);
                    assertThat(added.get(0).get("location_code")).isEqualTo("P-04-10-A");
                    assertThat(added.get(0).get("quantity")).isEqualTo(1);
                    assertThat(added.get(0).get("tote")).isEqualTo(task.get("tote"));
                    assertThat(answer.get("units_written_off")).isEqualTo(2);
                    assertThat(answer.get("units_backordered")).isEqualTo(0);
                    open.addAll(added);
                } else if ("P-05-05-A".equals(location)) {
                    Map<?, ?> answer = confirmed(floor.confirm(task, "short-b", location, "SOCK-2", 0));
                    assertThat(maps(answer.get("added_tasks"))).isEmpty();
                    assertThat(answer.get("units_backordered")).isEqualTo(2);
                    assertThat(answer.get("units_written_off")).isEqualTo(2);
                    assertThat(answer.get("order_status")).isEqualTo("backordered");
                } else {
                    floor.confirm(task, "full-" + task.get("id"), location, sku(task), (Integer) task.get("quantity")).expectStatus().isOk();
                }
                confirmed++;
            }
        }
        assertThat(confirmed).isEqualTo(3);
        assertThat(floor.orderView(reallocated).get("status")).isEqualTo("picked");
        Map<?, ?> waiting = floor.orderView(backordered);
        assertThat(waiting.get("status")).isEqualTo("backordered");
        assertThat(maps(waiting.get("lines")).get(0).get("backordered")).isEqualTo(2);
        assertThat(movementsAt(floor, "short_pick")).isEqualTo(2);
        floor.assertBooksAgree();
    }

    @Test
    void aTaskAShortPickAddsIsWalkedInRouteOrderNotLeftForTheEnd() {
        PickingFloor floor = PickingFloor.create(this);
        // SOCK-1 is picked at the front of aisle 5, its fullest location; the spare is deep in the same aisle.
        floor.stock("SOCK-1", "P-05-01-A", 5);
        floor.stock("SOCK-1", "P-05-09-A", 3);
        floor.stock("SOCK-2", "P-03-01-A", 4);
        floor.order("reroute-1", "SOCK-1", 2, "SOCK-2", 1);
        String waveId = floor.plannedWave(4, 1);
        floor.supervisor().post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isOk();
        Map<?, ?> batch = nextBatch(floor);
        Map<?, ?> front = maps(batch.get("tasks")).stream().filter(task -> "P-05-01-A".equals(task.get("location_code")))
                .findFirst().orElseThrow();

        Map<?, ?> answer = confirmed(floor.confirm(front, "reroute-short", "P-05-01-A", "SOCK-1", 0));
        assertThat(maps(answer.get("added_tasks"))).singleElement()
                .satisfies(added -> assertThat(added.get("location_code")).isEqualTo("P-05-09-A"));

        // From the front of aisle 5 the walk goes deeper into aisle 5 (4.8 m), back out and over to aisle 3 (12 m),
        // and to the pack station (5.6 m): 22.4 m. Aisle 3 first and then aisle 5 would be 35.6 m.
        List<Map<?, ?>> open = maps(nextBatch(floor).get("tasks")).stream()
                .filter(task -> "open".equals(task.get("status")))
                .sorted(Comparator.comparingInt(task -> (Integer) task.get("sequence"))).toList();
        assertThat(open.stream().map(task -> (String) task.get("location_code")).toList()).containsExactly("P-05-09-A", "P-03-01-A");
        WarehouseLayout layout = FloorPlan.of(network.node(floor.world.node).map(Node::id)
                .flatMapMany(network::locations).collectList().block()).orElseThrow().layout();
        assertThat(layout.distance("P-05-01-A", "P-05-09-A") + layout.distance("P-05-09-A", "P-03-01-A")
                + layout.distance(layout.nodeOf("P-03-01-A"), WarehouseLayout.DEPOT)).isCloseTo(22.4, Offset.offset(1e-6));

        for (Map<?, ?> task : open) {
            floor.confirm(task, "reroute-" + task.get("location_code"), (String) task.get("location_code"), sku(task),
                    (Integer) task.get("quantity")).expectStatus().isOk();
        }
        assertThat(floor.wave(waveId).get("status")).isEqualTo("completed");
        floor.assertBooksAgree();
    }

    @Test
    void anOrderCancelledAfterReleaseStaysOnTheShelfAndItsBatchStillFinishes() {
        PickingFloor floor = PickingFloor.create(this);
        floor.stock("SOCK-1", "P-03-01-A", 3);
        floor.stock("SOCK-2", "P-05-05-A", 2);
        String kept = floor.order("keep-1", "SOCK-1", 2);
        String cancelled = floor.order("cancel-1", "SOCK-2", 2);
        String waveId = floor.plannedWave(4, 1);
        floor.supervisor().post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isOk();
        floor.world.merchant(this).post().uri("/api/v1/orders/{id}/cancel", cancelled).exchange().expectStatus().isOk();

        int cancelledTasks = 0;
        for (Map<?, ?> batch = nextBatch(floor); batch != null; batch = nextBatchOrNull(floor)) {
            for (Map<?, ?> task : maps(batch.get("tasks"))) {
                if (cancelled.equals(task.get("order_id"))) {
                    assertThat(task.get("status")).isEqualTo("cancelled");
                    floor.confirm(task, "late-" + task.get("id"), (String) task.get("location_code"), sku(task), 2)
                            .expectStatus().isEqualTo(409);
                    cancelledTasks++;
                } else if ("open".equals(task.get("status"))) {
                    floor.confirm(task, "pick-" + task.get("id"), (String) task.get("location_code"), sku(task), (Integer) task.get("quantity"))
                            .expectStatus().isOk();
                }
            }
        }

        assertThat(cancelledTasks).isEqualTo(1);
        assertThat(floor.orderView(kept).get("status")).isEqualTo("picked");
        assertThat(floor.orderView(cancelled).get("status")).isEqualTo("cancelled");
        assertThat(floor.wave(waveId).get("status")).isEqualTo("completed");
        assertThat(movementsAt(floor, "pick")).isEqualTo(1);
        floor.assertBooksAgree();
    }

    @Test
    void aFaceHoldingLessThanTheWaveNeedsIsReplenishedBeforeItsPicksAreOffered() {
        PickingFloor floor = PickingFloor.create(this);
        admin().patch().uri("/api/v1/nodes/{code}/locations/{location}", floor.world.node, "P-03-01-A")
                .bodyValue(Map.of("pick_face", Map.of("merchant_id", floor.world.merchantId, "sku", "SOCK-3"), "pick_face_min", 2))
                .exchange().expectStatus().isOk();
        floor.stock("SOCK-3", "P-03-01-A", 1);
        floor.stock("SOCK-3", "P-04-10-A", 6);
        String order = floor.order("replenish-1", "SOCK-3", 3);
        String waveId = floor.plannedWave(2, 1);
        List<Map<?, ?>> planned = maps(maps(floor.wave(waveId).get("batches")).get(0).get("tasks"));
        assertThat(planned).hasSize(1);
        assertThat(planned.get(0).get("location_code")).isEqualTo("P-03-01-A");
        assertThat(planned.get(0).get("quantity")).isEqualTo(3);

        Map<?, ?> released = floor.supervisor().post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<?, ?>> replenishments = maps(released.get("replenishment_tasks"));
        assertThat(replenishments).hasSize(1);
        assertThat(replenishments.get(0).get("from_location_code")).isEqualTo("P-04-10-A");
        assertThat(replenishments.get(0).get("to_location_code")).isEqualTo("P-03-01-A");
        assertThat(replenishments.get(0).get("quantity")).isEqualTo(4);

        floor.picker().get().uri("/api/v1/pick-tasks/next").exchange().expectStatus().isNoContent();
        Map<?, ?> open = floor.picker().get().uri("/api/v1/replenishment-tasks?status=open").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(maps(open.get("items"))).hasSize(1);
        Map<String, Object> scan = Map.of("from_location_code", "P-04-10-A", "sku", "SOCK-3", "to_location_code", "P-03-01-A", "quantity", 4);
        floor.picker().post().uri("/api/v1/replenishment-tasks/{id}/confirm", replenishments.get(0).get("id")).bodyValue(scan).exchange()
                .expectStatus().isEqualTo(422);
        floor.picker().post().uri("/api/v1/replenishment-tasks/{id}/confirm", replenishments.get(0).get("id"))
                .header("Idempotency-Key", "replenish-once").bodyValue(scan).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.task.status").isEqualTo("done")
                .jsonPath("$.moved_quantity").isEqualTo(4)
                .jsonPath("$.added_tasks.length()").isEqualTo(0);

        Map<?, ?> task = maps(nextBatch(floor).get("tasks")).get(0);
        floor.confirm(task, "pick-face", "P-03-01-A", "SOCK-3", 3).expectStatus().isOk();
        assertThat(floor.orderView(order).get("status")).isEqualTo("picked");
        assertThat(movementsAt(floor, "replenishment")).isEqualTo(1);
        floor.assertBooksAgree();
    }

    @Test
    void aLongSolveStoppedEarlyIsPlannedWithTheBestSoFar() {
        PickingFloor floor = PickingFloor.create(this);
        floor.stock("SOCK-4", "P-04-02-A", 5);
        floor.stock("SOCK-5", "P-05-07-A", 5);
        floor.order("stop-1", "SOCK-4", 1, "SOCK-5", 1);
        floor.order("stop-2", "SOCK-5", 2);
        Map<?, ?> wave = floor.supervisor().post().uri("/api/v1/waves")
                .bodyValue(Map.of("cart", Map.of("totes", 1), "time_limit_seconds", 600))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        String waveId = (String) wave.get("id");
        floor.supervisor().post().uri("/api/v1/waves/{id}/stop-planning", waveId).exchange().expectStatus().isAccepted();

        List<Map<?, ?>> batches = maps(floor.awaitPlanned(waveId).get("batches"));
        assertThat(batches).hasSize(2);
        floor.supervisor().post().uri("/api/v1/waves/{id}/stop-planning", waveId).exchange().expectStatus().isEqualTo(409);
        floor.picker().post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isForbidden();
        floor.supervisor().post().uri("/api/v1/waves").bodyValue(Map.of("cart", Map.of("totes", 1), "time_limit_seconds", 1))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/no-orders-for-wave");

        floor.picker().get().uri("/api/v1/waves?status=planned").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(waveId)
                .jsonPath("$.items[0].batches").isEqualTo(2);
        floor.picker().get().uri("/api/v1/waves?status=released").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        floor.picker().get().uri("/api/v1/waves?status=lost").exchange().expectStatus().isEqualTo(422);
        floor.world.merchant(this).get().uri("/api/v1/waves").exchange().expectStatus().isForbidden();
    }

    /** From the depot through the locations in this order and back. */
    private static double walkedMetres(WarehouseLayout layout, List<String> codes) {
        double metres = 0;
        int at = WarehouseLayout.DEPOT;
        for (String code : codes) {
            metres += layout.distance(at, layout.nodeOf(code));
            at = layout.nodeOf(code);
        }
        return metres + layout.distance(at, WarehouseLayout.DEPOT);
    }

    private Map<?, ?> nextBatch(PickingFloor floor) {
        Map<?, ?> batch = nextBatchOrNull(floor);
        assertThat(batch).isNotNull();
        return batch;
    }

    private Map<?, ?> nextBatchOrNull(PickingFloor floor) {
        var result = floor.picker().get().uri("/api/v1/pick-tasks/next").exchange().expectBody(Map.class).returnResult();
        return result.getStatus().value() == 204 ? null : result.getResponseBody();
    }

    private static Map<?, ?> confirmed(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private String sku(Map<?, ?> task) {
        return (String) task.get("sku");
    }

    /** Ledger rows of this kind at the floor's node; a short pick's write-off carries the reason short_pick. */
    private long movementsAt(PickingFloor floor, String kind) {
        return db.sql("SELECT count(*) AS n FROM stock_movements m JOIN nodes n ON n.id = m.node_id WHERE n.code = :node AND m.kind = :kind"
                        + " AND (m.kind <> 'short_pick' OR m.reason = 'short_pick')")
                .bind("node", floor.world.node).bind("kind", kind)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private long count(String tableAndCondition) {
        return db.sql("SELECT count(*) AS n FROM " + tableAndCondition).map(row -> row.get("n", Long.class)).one().block();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> maps(Object list) {
        return ((List<Object>) list).stream().map(item -> (Map<?, ?>) item).collect(Collectors.toList());
    }
}
