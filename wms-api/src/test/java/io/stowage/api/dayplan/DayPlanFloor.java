package io.stowage.api.dayplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.World;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A {@link World} (a Vilnius warehouse) with tees in stock at the dock, orders to the Baltics, and its day plan read over HTTP. */
final class DayPlanFloor {

    final ApiTest test;
    final World world;

    private DayPlanFloor(ApiTest test, World world) {
        this.test = test;
        this.world = world;
    }

    static DayPlanFloor create(ApiTest test, int teesInStock) {
        World world = World.create(test);
        DayPlanFloor floor = new DayPlanFloor(test, world);
        world.worker(test).post().uri("/api/v1/receipts").header("Idempotency-Key", "tees-" + world.node)
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", teesInStock, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
        return floor;
    }

    /** The node's local date: the plan's day. */
    LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Vilnius"));
    }

    /** Places an allocated order of tees to the country and returns its id. */
    String order(String key, String country, int tees, String serviceLevel, String carrierService, LocalDate promisedOn) {
        Map<String, Object> address = new HashMap<>(Map.of("line", "Laisvės al. 10", "city", "Kaunas", "postal_code", "44240", "country", country,
                "latitude", 54.8985, "longitude", 23.9036));
        if ("LV".equals(country)) {
            address.putAll(Map.of("line", "Brīvības iela 21", "city", "Rīga", "postal_code", "LV-1010"));
        }
        Map<String, Object> order = new HashMap<>();
        order.put("customer", Map.of("name", "Jonas Jonaitis", "address", address));
        order.put("lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", tees)));
        order.put("service_level", serviceLevel);
        if (carrierService != null) {
            order.put("carrier_service", carrierService);
        }
        if (promisedOn != null) {
            order.put("promised_on", promisedOn.toString());
        }
        Map<?, ?> placed = world.merchant(test).post().uri("/api/v1/orders").header("Idempotency-Key", key).bodyValue(order)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(placed.get("status")).isEqualTo("allocated");
        return (String) placed.get("id");
    }

    WebTestClient supervisor() {
        return world.worker(test);
    }

    void capacity(String carrier, int parcelsPerDay) {
        supervisor().put().uri("/api/v1/nodes/{code}/carrier-capacities/{carrier}", world.node, carrier)
                .bodyValue(Map.of("parcels_per_day", parcelsPerDay)).exchange().expectStatus().isOk();
    }

    /** Asks for a run now and waits until a run with at least that number is written and none is due or running. */
    Map<?, ?> runAndAwait(int run) {
        supervisor().post().uri("/api/v1/nodes/{code}/day-plans/runs", world.node).exchange().expectStatus().isAccepted();
        return awaitRun(run);
    }

    Map<?, ?> awaitRun(int run) {
        return Eventually.until(this::plan, plan -> {
            List<Map<String, Object>> runs = maps(plan.get("runs"));
            return !runs.isEmpty() && ((Number) runs.get(runs.size() - 1).get("run")).intValue() >= run && !Boolean.TRUE.equals(plan.get("running"))
                    && !"requested".equals(plan.get("next_run_reason"));
        });
    }

    Map<?, ?> plan() {
        Map<?, ?>[] read = new Map<?, ?>[1];
        supervisor().get().uri("/api/v1/nodes/{code}/day-plans/{day}", world.node, today()).exchange()
                .expectBody(Map.class).consumeWith(result -> read[0] = result.getStatus().value() == 200 ? result.getResponseBody() : Map.of("runs", List.of()));
        return read[0];
    }

    /** Every parcel of the day the merchant sees, by order id. */
    Map<String, Map<String, Object>> parcels() {
        Map<?, ?> page = world.merchant(test).get().uri("/api/v1/nodes/{code}/day-plans/{day}/parcels?limit=500", world.node, today())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Map<String, Object>> byOrder = new HashMap<>();
        maps(page.get("items")).forEach(parcel -> byOrder.put((String) parcel.get("order_id"), parcel));
        return byOrder;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }
}
