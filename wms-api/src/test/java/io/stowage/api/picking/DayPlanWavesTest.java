package io.stowage.api.picking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Releasing a wave plans the node's day; a wave cut for one carrier then takes the orders planned on it. */
class DayPlanWavesTest extends ApiTest {

    @Test
    void releasingAWavePlansTheDayAndACarrierWaveTakesTheOrdersPlannedOnThatCarrier() {
        PickingFloor floor = PickingFloor.create(this);
        floor.stock("SOCK-1", "P-03-01-A", 20);
        floor.order("first", "SOCK-1", 1);
        String waveId = floor.plannedWave(2, 1);
        // Orders that come in after the first wave was cut wait, allocated, for the next one.
        List<String> waiting = List.of(floor.order("w1", "SOCK-1", 1), floor.order("w2", "SOCK-1", 2), floor.order("w3", "SOCK-1", 3),
                floor.order("w4", "SOCK-1", 1));
        for (String carrier : List.of("omniva", "dpd-baltics", "lietuvos-pastas")) {
            floor.supervisor().put().uri("/api/v1/nodes/{code}/carrier-capacities/{carrier}", floor.world.node, carrier)
                    .bodyValue(Map.of("parcels_per_day", 2)).exchange().expectStatus().isOk();
        }

        floor.supervisor().post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isOk();

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Vilnius"));
        Map<?, ?> plan = Eventually.until(() -> floor.supervisor().get().uri("/api/v1/nodes/{code}/day-plans/{day}", floor.world.node, today)
                        .exchange().expectBody(Map.class).returnResult().getResponseBody(),
                read -> read.get("runs") instanceof List<?> runs && !runs.isEmpty());
        assertThat(((Map<?, ?>) ((List<?>) plan.get("runs")).get(0)).get("reason")).isEqualTo("wave_released");
        Map<?, ?> page = floor.world.merchant(this).get().uri("/api/v1/nodes/{code}/day-plans/{day}/parcels", floor.world.node, today)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, String> carrierOf = new HashMap<>();
        for (Object item : (List<?>) page.get("items")) {
            Map<?, ?> parcel = (Map<?, ?>) item;
            assertThat(parcel.get("carrier_code")).as("order %s: %s", parcel.get("order_id"), parcel.get("reason")).isNotNull();
            carrierOf.put((String) parcel.get("order_id"), (String) parcel.get("carrier_code"));
        }
        assertThat(carrierOf).hasSize(5);
        assertThat(carrierOf.values().stream().collect(Collectors.groupingBy(c -> c, Collectors.counting())).values())
                .allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2L));

        String carrier = carrierOf.get(waiting.get(0));
        Set<String> plannedOnIt = waiting.stream().filter(order -> carrier.equals(carrierOf.get(order))).collect(Collectors.toSet());
        Map<?, ?> created = floor.supervisor().post().uri("/api/v1/waves")
                .bodyValue(Map.of("filter", Map.of("carrier", carrier), "cart", Map.of("totes", 4), "time_limit_seconds", 1))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> wave = floor.awaitPlanned((String) created.get("id"));
        assertThat(wave.get("order_ids")).asList().containsExactlyInAnyOrderElementsOf(plannedOnIt);
    }
}
