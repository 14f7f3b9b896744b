package io.stowage.api.orders;

import io.stowage.api.support.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A lot found short by a count or an adjustment gives its allocated units back at once, so that
 * they are placed on other lots before anyone walks to the shelf; orders already in a wave are left
 * to the short pick.
 */
class LotShortfallTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Test
    void aCountThatFindsALotShortMovesItsAllocationToTheNextLot() {
        World world = worldWithMilk();
        receiveLot(world, "lot-a", "L-A", TODAY.plusDays(20), 5, "DOCK-1");
        receiveLot(world, "lot-b", "L-B", TODAY.plusDays(40), 5, "DOCK-1");
        Map<?, ?> order = placed(world, "x", "standard", 5);
        assertThat(shipsFrom(order)).containsOnly(Map.entry("L-A", 5));

        countFinds(world, "DOCK-1", Map.of("L-A", 2, "L-B", 5));

        Map<?, ?> reallocated = await(world, order.get("id"), o -> "allocated".equals(o.get("status")) && shipsFrom(o).containsKey("L-B"));
        assertThat(shipsFrom(reallocated)).containsOnly(Map.entry("L-A", 2), Map.entry("L-B", 3));
        List<Map<?, ?>> history = history(world, order.get("id"));
        assertThat(history).anySatisfy(step -> {
            assertThat(step.get("actor")).isEqualTo("system:lot-shortfall");
            assertThat(step.get("from_status")).isEqualTo("allocated");
            assertThat(step.get("to_status")).isEqualTo("partially_allocated");
            assertThat((String) step.get("note")).contains("3 units of lot L-A");
        });
        assertThat(history.get(history.size() - 1).get("actor")).isEqualTo("system:backorder-allocator");
        assertBooksAgree(world.merchantId);
    }

    @Test
    void aLotFoundShortWithNoOtherLotToShipBackordersTheUnits() {
        World world = worldWithMilk();
        receiveLot(world, "lot-a", "L-A", TODAY.plusDays(20), 5, "DOCK-1");
        // Expired units count on the node's books, so the adjustment is allowed, but they never ship.
        receiveLot(world, "lot-old", "L-OLD", TODAY.minusDays(2), 5, "DOCK-1");
        Map<?, ?> order = placed(world, "x", "standard", 5);
        assertThat(shipsFrom(order)).containsOnly(Map.entry("L-A", 5));

        adjust(world, "lost-a", "L-A", "DOCK-1", -3);

        Map<?, ?> waiting = await(world, order.get("id"), o -> "partially_allocated".equals(o.get("status")));
        Map<?, ?> line = (Map<?, ?>) ((List<?>) waiting.get("lines")).get(0);
        assertThat(line.get("allocated")).isEqualTo(2);
        assertThat(line.get("backordered")).isEqualTo(3);
        assertThat(shipsFrom(waiting)).containsOnly(Map.entry("L-A", 2));
        assertBooksAgree(world.merchantId);
    }

    @Test
    void anOrderInAPlannedWaveKeepsItsLotAndAnotherOrderGivesInstead() {
        World world = worldWithMilk();
        receiveLot(world, "lot-a", "L-A", TODAY.plusDays(20), 6, "A-01-01-A");
        receiveLot(world, "lot-b", "L-B", TODAY.plusDays(40), 5, "A-01-02-A");
        Map<?, ?> outside = placed(world, "outside", "standard", 3);
        // The newer allocation would give first, were it not in a wave.
        Map<?, ?> inWave = placed(world, "in-wave", "express", 3);
        assertThat(shipsFrom(outside)).containsOnly(Map.entry("L-A", 3));
        assertThat(shipsFrom(inWave)).containsOnly(Map.entry("L-A", 3));
        String waveId = plannedExpressWave(world);

        adjust(world, "lost-a", "L-A", "A-01-01-A", -3);

        Map<?, ?> moved = await(world, outside.get("id"), o -> "allocated".equals(o.get("status")) && shipsFrom(o).containsKey("L-B"));
        assertThat(shipsFrom(moved)).containsOnly(Map.entry("L-B", 3));
        Map<?, ?> kept = read(world, inWave.get("id"));
        assertThat(kept.get("status")).isEqualTo("allocated");
        assertThat(shipsFrom(kept)).containsOnly(Map.entry("L-A", 3));
        assertThat(history(world, inWave.get("id"))).noneSatisfy(step -> assertThat(step.get("actor")).isEqualTo("system:lot-shortfall"));
        world.worker(this).get().uri("/api/v1/waves/{id}", waveId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("planned").jsonPath("$.order_ids[0]").isEqualTo(inWave.get("id"));
        assertBooksAgree(world.merchantId);
    }

    private World worldWithMilk() {
        World world = World.create(this);
        world.merchant(this).put().uri("/api/v1/products/{code}", "MILK").bodyValue(Map.of("name", "Oat milk",
                        "variants", List.of(Map.of("sku", "MILK-1L", "name", "Oat milk 1 l", "weight_g", 1050, "length_mm", 70,
                                "width_mm", 70, "height_mm", 200, "lot_tracked", true, "expiry_tracked", true))))
                .exchange().expectStatus().is2xxSuccessful();
        return world;
    }

    /** Receives a lot at the dock and, when another location is named, puts it away there. */
    private void receiveLot(World world, String key, String lot, LocalDate expiresOn, int quantity, String location) {
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", key)
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "MILK-1L", "quantity", quantity, "location_code", "DOCK-1",
                        "lot_number", lot, "expires_on", expiresOn.toString()))
                .exchange().expectStatus().isCreated();
        if (!"DOCK-1".equals(location)) {
            world.worker(this).post().uri("/api/v1/moves").header("Idempotency-Key", key + "-put")
                    .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "MILK-1L", "lot_number", lot, "quantity", quantity,
                            "from_location_code", "DOCK-1", "to_location_code", location))
                    .exchange().expectStatus().isCreated();
        }
    }

    private Map<?, ?> placed(World world, String key, String serviceLevel, int quantity) {
        Map<String, Object> body = new HashMap<>(OrdersTest.order(List.of(OrdersTest.line("MILK-1L", quantity))));
        body.put("service_level", serviceLevel);
        return world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", key).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private void countFinds(World world, String location, Map<String, Integer> perLot) {
        List<?> opened = world.worker(this).post().uri("/api/v1/count-tasks").bodyValue(Map.of("location_codes", List.of(location)))
                .exchange().expectStatus().isCreated().expectBody(List.class).returnResult().getResponseBody();
        Object taskId = ((Map<?, ?>) opened.get(0)).get("id");
        List<Map<String, Object>> lines = perLot.entrySet().stream()
                .map(lot -> Map.<String, Object>of("merchant_id", world.merchantId, "sku", "MILK-1L", "lot_number", lot.getKey(),
                        "quantity", lot.getValue()))
                .toList();
        world.worker(this).post().uri("/api/v1/count-tasks/{id}/counts", taskId).header("Idempotency-Key", "count-" + taskId)
                .bodyValue(Map.of("lines", lines)).exchange().expectStatus().isCreated();
        world.worker(this).post().uri("/api/v1/count-tasks/{id}/approve", taskId).exchange().expectStatus().isOk();
    }

    private void adjust(World world, String key, String lot, String location, int change) {
        world.worker(this).post().uri("/api/v1/adjustments").header("Idempotency-Key", key)
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "MILK-1L", "lot_number", lot, "location_code", location,
                        "quantity_change", change, "reason", "lost"))
                .exchange().expectStatus().isCreated();
    }

    private String plannedExpressWave(World world) {
        Map<?, ?> wave = world.worker(this).post().uri("/api/v1/waves")
                .bodyValue(Map.of("filter", Map.of("service_level", "express"), "cart", Map.of("totes", 2), "time_limit_seconds", 2))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        Object waveId = wave.get("id");
        wave = Eventually.until(() -> world.worker(this).get().uri("/api/v1/waves/{id}", waveId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody(), read -> !"planning".equals(read.get("status")));
        assertThat(wave.get("status")).as("wave failed with %s", wave.get("failure")).isEqualTo("planned");
        assertThat((List<?>) wave.get("order_ids")).hasSize(1);
        return (String) waveId;
    }

    private Map<?, ?> read(World world, Object id) {
        return world.merchant(this).get().uri("/api/v1/orders/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The background loops run every half second: wait for them, a bounded number of times. */
    private Map<?, ?> await(World world, Object id, Predicate<Map<?, ?>> done) {
        return Eventually.until(() -> read(world, id), done);
    }

    /** Units per lot number across the order's first line. */
    private static Map<String, Integer> shipsFrom(Map<?, ?> order) {
        Map<String, Integer> perLot = new HashMap<>();
        for (Object from : (List<?>) ((Map<?, ?>) ((List<?>) order.get("lines")).get(0)).get("ships_from")) {
            Map<?, ?> ship = (Map<?, ?>) from;
            perLot.merge((String) ship.get("lot_number"), (Integer) ship.get("quantity"), Integer::sum);
        }
        return perLot;
    }

    @SuppressWarnings("unchecked")
    private List<Map<?, ?>> history(World world, Object id) {
        return world.merchant(this).get().uri("/api/v1/orders/{id}/history", id).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
    }

}
