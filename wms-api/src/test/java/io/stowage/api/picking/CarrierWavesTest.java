package io.stowage.api.picking;

import io.stowage.api.support.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.DrivenLoopsTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Orders that name the carrier service the shopper chose, waves cut for one carrier, and waves whose
 * planning instance died. The lease is short here so that a take-over happens within a test.
 */
class CarrierWavesTest extends DrivenLoopsTest {

    @Autowired
    DatabaseClient db;

    @Test
    void theCarrierServicesAStoreMayOfferArePagedByCode() {
        PickingFloor floor = PickingFloor.create(this);
        List<String> codes = new ArrayList<>();
        String after = "";
        for (int page = 0; page < 10 && after != null; page++) {
            Map<?, ?> body = floor.world.merchant(this).get().uri("/api/v1/carrier-services?limit=5&after={after}", after)
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            maps(body.get("items")).forEach(service -> codes.add((String) service.get("code")));
            after = (String) body.get("next_cursor");
        }
        assertThat(codes).contains("omniva/locker", "dpd-baltics/classic", "lietuvos-pastas/terminal").doesNotHaveDuplicates().isSorted();
        floor.world.merchant(this).get().uri("/api/v1/carrier-services?limit=1").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].code").isEqualTo("dpd-baltics/classic")
                .jsonPath("$.items[0].carrier_code").isEqualTo("dpd-baltics")
                .jsonPath("$.items[0].delivery_mode").isNotEmpty()
                .jsonPath("$.items[0].cut_off").isNotEmpty();
        web.get().uri("/api/v1/carrier-services").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownCarrierServiceIsRefusedAndNothingIsStored() {
        PickingFloor floor = PickingFloor.create(this);
        floor.stock("SOCK-1", "P-03-01-A", 5);
        floor.world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", "unknown-carrier")
                .bodyValue(order("SOCK-1", "omniva/teleport"))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://stowage.io/problems/invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("carrier_service");
        Map<String, Object> pickup = new HashMap<>(order("SOCK-1", "omniva/locker"));
        pickup.put("service_level", "store_pickup");
        pickup.put("pickup_store_code", "ANY");
        floor.world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", "pickup-carrier")
                .bodyValue(pickup)
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("carrier_service");
        assertThat(db.sql("SELECT count(*) AS n FROM orders WHERE merchant_id = CAST(:merchant AS uuid)").bind("merchant", floor.world.merchantId)
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
        floor.supervisor().post().uri("/api/v1/waves")
                .bodyValue(Map.of("filter", Map.of("carrier", "teleport"), "cart", Map.of("totes", 2), "time_limit_seconds", 1))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("filter.carrier");
        assertThat(db.sql("SELECT count(*) AS n FROM waves w JOIN nodes n ON n.id = w.node_id WHERE n.code = :node").bind("node", floor.world.node)
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void aWaveForOneCarrierTakesOnlyTheOrdersShippingWithIt() {
        PickingFloor floor = PickingFloor.create(this);
        floor.stock("SOCK-1", "P-03-01-A", 10);
        floor.stock("SOCK-2", "P-03-04-A", 10);
        String lockerA = place(floor, "locker-a", order("SOCK-1", "omniva/locker"));
        // Carrier codes are read in any case, as every route reads them, and stored in lower case
        String lockerB = place(floor, "locker-b", order("SOCK-2", " OMNIVA/courier"));
        place(floor, "dpd", order("SOCK-1", "dpd-baltics/classic"));
        place(floor, "unchosen", order("SOCK-2", null));
        assertThat(floor.orderView(lockerA).get("carrier_service")).isEqualTo("omniva/locker");
        assertThat(floor.orderView(lockerB).get("carrier_service")).isEqualTo("omniva/courier");

        Map<?, ?> created = floor.supervisor().post().uri("/api/v1/waves")
                .bodyValue(Map.of("filter", Map.of("carrier", "OMNIVA "), "cart", Map.of("totes", 2), "time_limit_seconds", 1))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> wave = floor.awaitPlanned((String) created.get("id"));
        assertThat(wave.get("order_ids")).asList().containsExactlyInAnyOrder(lockerA, lockerB);
        assertThat(((Map<?, ?>) wave.get("filter")).get("carrier")).isEqualTo("omniva");
        List<Object> picked = new ArrayList<>();
        maps(wave.get("batches")).forEach(batch -> maps(batch.get("tasks")).forEach(task -> picked.add(task.get("order_id"))));
        assertThat(picked).containsOnly(lockerA, lockerB);
    }

    @Test
    void aWaveLeftPlanningByADeadInstanceIsPlannedAgain() {
        PickingFloor floor = PickingFloor.create(this);
        floor.stock("SOCK-3", "P-03-06-A", 10);
        floor.order("orphan-1", "SOCK-3", 1);
        floor.order("orphan-2", "SOCK-3", 2);
        String waveId = floor.plannedWave(2, 1);

        // What a crash mid-solve leaves: the wave planning, no plan written, no instance renewing its heartbeat.
        db.sql("DELETE FROM pick_tasks WHERE wave_id = CAST(:wave AS uuid)").bind("wave", waveId).then().block();
        db.sql("DELETE FROM wave_batches WHERE wave_id = CAST(:wave AS uuid)").bind("wave", waveId).then().block();
        db.sql("""
                        UPDATE waves SET status = 'planning', planned_at = NULL, method = NULL, total_length_m = NULL,
                                         planning_heartbeat_at = now() - interval '1 hour'
                        WHERE id = CAST(:wave AS uuid)
                        """)
                .bind("wave", waveId).then().block();
        assertThat(floor.wave(waveId).get("status")).isEqualTo("planning");

        Map<?, ?> wave = floor.awaitPlanned(waveId);
        assertThat(maps(wave.get("batches"))).isNotEmpty();
        assertThat(db.sql("SELECT plan_version FROM waves WHERE id = CAST(:wave AS uuid)").bind("wave", waveId)
                .map(row -> row.get("plan_version", Integer.class)).one().block()).isEqualTo(2);
    }

    @Test
    void aWaveSolvingLongerThanTheLeaseKeepsItsInstance() {
        PickingFloor floor = PickingFloor.create(this);
        floor.stock("SOCK-4", "P-03-08-A", 10);
        floor.order("long-1", "SOCK-4", 1);
        floor.order("long-2", "SOCK-4", 1);
        Map<?, ?> created = floor.supervisor().post().uri("/api/v1/waves")
                .bodyValue(Map.of("cart", Map.of("totes", 1), "time_limit_seconds", 600))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        String waveId = (String) created.get("id");
        try {
            Eventually.throughout(Duration.ofSeconds(6), () -> "planning".equals(floor.wave(waveId).get("status")));
        } finally {
            // A solve of up to ten minutes must not outlive the test, whatever happened above.
            floor.supervisor().post().uri("/api/v1/waves/{id}/stop-planning", waveId).exchange();
        }
        floor.awaitPlanned(waveId);

        assertThat(db.sql("SELECT plan_version FROM waves WHERE id = CAST(:wave AS uuid)").bind("wave", waveId)
                .map(row -> row.get("plan_version", Integer.class)).one().block()).isEqualTo(1);
    }

    private static Map<String, Object> order(String sku, String carrierService) {
        Map<String, Object> order = new HashMap<>();
        order.put("customer", Map.of("name", "Jonas Jonaitis", "address", Map.of("line", "Laisvės al. 10", "city", "Kaunas",
                "postal_code", "44240", "country", "LT", "latitude", 54.8985, "longitude", 23.9036)));
        order.put("lines", List.of(Map.of("sku", sku, "quantity", 1)));
        if (carrierService != null) {
            order.put("carrier_service", carrierService);
        }
        return order;
    }

    private String place(PickingFloor floor, String key, Map<String, Object> order) {
        Map<?, ?> placed = floor.world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", key).bodyValue(order)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(placed.get("status")).isEqualTo("allocated");
        return (String) placed.get("id");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> maps(Object list) {
        return (List<Map<?, ?>>) list;
    }
}
