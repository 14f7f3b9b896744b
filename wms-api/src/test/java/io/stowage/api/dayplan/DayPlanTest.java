package io.stowage.api.dayplan;

import static io.stowage.api.dayplan.DayPlanFloor.maps;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.outbox.Outbox;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.webhooks.EventTypes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The node's day plan through HTTP: runs on request, the shopper's choice kept, capacities
 * respected, unassigned parcels with their reason, the order showing its planned service, a run at
 * cut-off that leaves labelled parcels alone, a claimed plan not run twice at once, and bad input.
 */
@ResourceLock(value = ApiTest.SECOND_INSTANCES, mode = ResourceAccessMode.READ_WRITE)
class DayPlanTest extends ApiTest {

    @Autowired
    DatabaseClient db;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionalOperator tx;

    @Test
    void aRunPlansEveryParcelKeepsTheShoppersChoiceAndTheOrderShowsItsService() {
        DayPlanFloor floor = DayPlanFloor.create(this, 20);
        String chosen = floor.order("chosen", "LT", 1, "standard", "omniva/courier", null);
        String express = floor.order("express", "LV", 1, "express", null, null);
        String locker = floor.order("locker", "LT", 2, "pickup_point", null, floor.today().plusDays(5));

        Map<?, ?> plan = floor.runAndAwait(1);
        Map<String, Map<String, Object>> parcels = floor.parcels();

        assertThat(parcels.get(chosen).get("service_code")).isEqualTo("omniva/courier");
        assertThat((String) parcels.get(chosen).get("reason")).startsWith("the shopper's choice");
        assertThat(parcels.get(express).get("service_code")).isIn("dpd-baltics/express", "lietuvos-pastas/ems");
        assertThat(List.of("omniva/locker", "omniva/locker-eco", "lietuvos-pastas/terminal", "dpd-baltics/pickup"))
                .contains((String) parcels.get(locker).get("service_code"));
        assertThat((Map<String, Object>) parcels.get(locker).get("estimated_parcel")).containsEntry("weight_g", 2 * 180 + 150);
        assertThat(parcels.values()).allSatisfy(parcel -> assertThat(parcel.get("unassigned_reason")).isNull());

        Map<String, Object> run = maps(plan.get("runs")).get(0);
        assertThat(run.get("reason")).isEqualTo("requested");
        assertThat(((Number) run.get("cost_minor")).longValue()).isPositive().isLessThanOrEqualTo(((Number) run.get("greedy_cost_minor")).longValue());

        Map<?, ?> order = floor.world.merchant(this).get().uri("/api/v1/orders/{id}", chosen).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((Map<String, Object>) order.get("planned_service")).containsEntry("service_code", "omniva/courier");
        floor.world.merchant(this).get().uri("/api/v1/orders/{id}/carrier-plan", locker).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.service_code").isEqualTo(parcels.get(locker).get("service_code"));
        // Merchants see their parcels but not the 3PL's run figures.
        floor.world.merchant(this).get().uri("/api/v1/nodes/{code}/day-plans/{day}", floor.world.node, floor.today()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.runs").doesNotExist();
        // Another merchant sees nothing of them.
        String other = newMerchant("Other shop");
        as(other).get().uri("/api/v1/orders/{id}/carrier-plan", chosen).exchange().expectStatus().isNotFound();
        Map<?, ?> othersView = as(other).get().uri("/api/v1/nodes/{code}/day-plans/{day}/parcels", floor.world.node, floor.today()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(maps(othersView.get("items"))).isEmpty();
    }

    @Test
    void capacitiesAreRespectedAndWhatDoesNotFitIsLeftUnassignedWithItsReason() {
        DayPlanFloor floor = DayPlanFloor.create(this, 20);
        floor.capacity("omniva", 1);
        floor.capacity("dpd-baltics", 1);
        floor.capacity("lietuvos-pastas", 1);
        for (int i = 0; i < 4; i++) {
            floor.order("o" + i, "LT", 1, "standard", null, null);
        }
        String japan = floor.order("far", "JP", 1, "standard", null, null);

        Map<?, ?> plan = floor.runAndAwait(1);
        Map<String, Map<String, Object>> parcels = floor.parcels();

        Map<Object, Integer> perCarrier = new HashMap<>();
        parcels.values().stream().filter(parcel -> parcel.get("carrier_code") != null)
                .forEach(parcel -> perCarrier.merge(parcel.get("carrier_code"), 1, Integer::sum));
        assertThat(perCarrier).containsOnly(Map.entry("omniva", 1), Map.entry("dpd-baltics", 1), Map.entry("lietuvos-pastas", 1));
        assertThat(parcels.values()).filteredOn(parcel -> "no_capacity_left".equals(parcel.get("unassigned_reason"))).hasSize(1)
                .allSatisfy(parcel -> assertThat((String) parcel.get("reason")).contains("collects 1 more parcels"));
        assertThat(parcels.get(japan).get("unassigned_reason")).isEqualTo("no_quote");
        assertThat((String) parcels.get(japan).get("reason")).contains("JP");
        assertThat(plan.get("unassigned")).isEqualTo(2);
        assertThat(maps(plan.get("carriers"))).filteredOn(load -> "omniva".equals(load.get("carrier_code")))
                .singleElement().satisfies(load -> assertThat(load).containsEntry("planned", 1).containsEntry("capacity", 1));
        floor.world.merchant(this).get().uri("/api/v1/nodes/{code}/day-plans/{day}/parcels?status=unassigned", floor.world.node, floor.today())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(2);
    }

    @Test
    void aShoppersChoiceThatCannotTakeTheParcelIsUnassignedAndNotMovedToAnotherService() {
        DayPlanFloor floor = DayPlanFloor.create(this, 5);
        // Latvijas Pasts collects only in Latvia; this warehouse is in Vilnius.
        String heavy = floor.order("heavy", "LT", 1, "standard", "latvijas-pasts/parcel", null);
        floor.runAndAwait(1);
        Map<String, Object> parcel = floor.parcels().get(heavy);
        assertThat(parcel.get("service_code")).isNull();
        assertThat(parcel.get("unassigned_reason")).isEqualTo("choice_not_quoted");
        assertThat((String) parcel.get("reason")).contains("latvijas-pasts/parcel");
        floor.world.merchant(this).get().uri("/api/v1/orders/{id}", heavy).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.planned_service").doesNotExist();
    }

    @Test
    void aRunAtCutOffReplansOnlyParcelsNotYetLabelled() {
        DayPlanFloor floor = DayPlanFloor.create(this, 20);
        String first = floor.order("a", "LT", 1, "standard", null, null);
        String second = floor.order("b", "LT", 1, "standard", null, null);
        String third = floor.order("c", "LT", 1, "standard", null, null);
        Map<?, ?> plan = floor.runAndAwait(1);
        if (plan.get("next_run_at") != null) {
            assertThat(plan.get("next_run_reason")).isEqualTo("cut_off");
            assertThat(OffsetDateTime.parse((String) plan.get("next_run_at"))).isAfter(OffsetDateTime.now().minusMinutes(1));
        }
        Map<String, Map<String, Object>> before = floor.parcels();
        String carrier = (String) before.get(first).get("carrier_code");

        // The first order's carton is labelled as planned; then the carrier takes no more parcels than that one today.
        labelBought(floor, first, carrier, ((String) before.get(first).get("service_code")).split("/")[1]);
        Eventually.await(() -> Boolean.TRUE.equals(floor.parcels().get(first).get("labelled")));
        floor.capacity(carrier, 1);
        // The carrier's cut-off arrives.
        db.sql("UPDATE day_plans SET due_at = now(), due_reason = 'cut_off' FROM nodes n WHERE n.id = day_plans.node_id AND n.code = :node")
                .bind("node", floor.world.node).then().block();
        Map<?, ?> replanned = floor.awaitRun(2);
        assertThat(maps(replanned.get("runs")).get(1).get("reason")).isEqualTo("cut_off");

        Map<String, Map<String, Object>> after = floor.parcels();
        assertThat(after.get(first)).containsEntry("run", 1).containsEntry("labelled", true).containsEntry("carrier_code", carrier)
                .containsEntry("planned_at", before.get(first).get("planned_at"));
        for (String order : List.of(second, third)) {
            assertThat(after.get(order)).containsEntry("run", 2).containsEntry("labelled", false);
            assertThat(after.get(order).get("carrier_code")).isNotNull().isNotEqualTo(carrier);
        }
        assertThat(((Number) maps(replanned.get("runs")).get(1).get("parcels")).intValue()).isEqualTo(2);
    }

    @Test
    void aLabelBoughtOnAnotherServiceFreezesTheParcelOnTheServiceBought() {
        DayPlanFloor floor = DayPlanFloor.create(this, 5);
        String order = floor.order("a", "LT", 1, "standard", null, null);
        floor.runAndAwait(1);
        String planned = (String) floor.parcels().get(order).get("service_code");
        String other = planned.equals("omniva/courier") ? "dpd-baltics/classic" : "omniva/courier";

        labelBought(floor, order, other.split("/")[0], other.split("/")[1]);

        Map<String, Object> parcel = Eventually.until(() -> floor.parcels().get(order), read -> Boolean.TRUE.equals(read.get("labelled")));
        assertThat(parcel).containsEntry("service_code", other).containsEntry("carrier_code", other.split("/")[0]);
        assertThat((String) parcel.get("reason")).startsWith("labelled on " + other + " at carton close instead of the planned " + planned);
        floor.world.merchant(this).get().uri("/api/v1/orders/{id}", order).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.planned_service.service_code").isEqualTo(other);
    }

    /**
     * Labels are bought after the carton closes, so the order's move to packed (which freezes the plan as
     * planned) comes before the label's {@code shipment.created}: the label still fixes the service bought.
     */
    @Test
    void aLabelBoughtAfterTheOrderWasPackedStillFreezesTheParcelOnTheServiceBought() {
        DayPlanFloor floor = DayPlanFloor.create(this, 5);
        String order = floor.order("a", "LT", 1, "standard", null, null);
        floor.runAndAwait(1);
        String planned = (String) floor.parcels().get(order).get("service_code");
        String other = planned.equals("omniva/courier") ? "dpd-baltics/classic" : "omniva/courier";
        outbox.append(UUID.fromString(floor.world.merchantId), EventTypes.ORDER_STATUS_CHANGED, order,
                        Map.of("order_id", order, "from", "picked", "to", "packed"))
                .as(tx::transactional).block();
        Eventually.until(() -> floor.parcels().get(order), read -> Boolean.TRUE.equals(read.get("labelled")));

        labelBought(floor, order, other.split("/")[0], other.split("/")[1]);

        Map<String, Object> parcel = Eventually.until(() -> floor.parcels().get(order), read -> other.equals(read.get("service_code")));
        assertThat(parcel).containsEntry("carrier_code", other.split("/")[0]).containsEntry("labelled", true);
        assertThat((String) parcel.get("reason")).startsWith("labelled on " + other + " at carton close instead of the planned " + planned);
    }

    /** The event shipping writes when a carton's label is bought. */
    private void labelBought(DayPlanFloor floor, String orderId, String carrier, String service) {
        Map<String, Object> payload = Map.of("shipment_id", UUID.randomUUID().toString(), "order_id", orderId, "order_number", "1001",
                "carton_id", UUID.randomUUID().toString(), "carton_number", 1, "sscc", "047712340000000017", "carrier", carrier,
                "tracking_number", "TRK1", "service_code", service, "weight_grams", 400);
        Map<String, Object> withTime = new HashMap<>(payload);
        withTime.put("labelled_at", OffsetDateTime.now().toString());
        outbox.append(UUID.fromString(floor.world.merchantId), EventTypes.SHIPMENT_CREATED, (String) payload.get("shipment_id"), withTime)
                .as(tx::transactional).block();
    }

    @Test
    void aPlanClaimedByAnotherInstanceIsNotRunAgainUntilItsLeaseEnds() {
        DayPlanFloor floor = DayPlanFloor.create(this, 20);
        floor.order("a", "LT", 1, "standard", null, null);
        floor.runAndAwait(1);
        // Another instance is running the plan: it holds the claim with its token and a lease.
        db.sql("""
                        UPDATE day_plans SET claim_token = gen_random_uuid(), claimed_until = now() + interval '1 hour'
                        FROM nodes n WHERE n.id = day_plans.node_id AND n.code = :node
                        """)
                .bind("node", floor.world.node).then().block();
        floor.supervisor().post().uri("/api/v1/nodes/{code}/day-plans/runs", floor.world.node).exchange().expectStatus().isAccepted();
        Eventually.throughout(Duration.ofSeconds(4), () -> maps(floor.plan().get("runs")).size() == 1 && Boolean.TRUE.equals(floor.plan().get("running")));
        // That instance died: its lease ends, and the plan is run here.
        db.sql("UPDATE day_plans SET claimed_until = now() - interval '1 second' FROM nodes n WHERE n.id = day_plans.node_id AND n.code = :node")
                .bind("node", floor.world.node).then().block();
        assertThat(maps(floor.awaitRun(2).get("runs"))).hasSize(2);
    }

    @Test
    void carrierCodesAreStoredLowerCaseHoweverTheyAreTyped() {
        DayPlanFloor floor = DayPlanFloor.create(this, 1);
        floor.supervisor().put().uri("/api/v1/nodes/{code}/carrier-capacities/{carrier}", floor.world.node, "Omniva")
                .bodyValue(Map.of("parcels_per_day", 7)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.carrier_code").isEqualTo("omniva");
        floor.supervisor().get().uri("/api/v1/nodes/{code}/carrier-capacities", floor.world.node).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].carrier_code").isEqualTo("omniva");
        floor.world.merchant(this).put().uri("/api/v1/preferred-carriers").bodyValue(Map.of("carriers", List.of("DPD-Baltics", " omniva")))
                .exchange().expectStatus().isOk();
        floor.world.merchant(this).get().uri("/api/v1/preferred-carriers").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.carriers.length()").isEqualTo(2)
                .jsonPath("$.carriers[0]").isEqualTo("dpd-baltics").jsonPath("$.carriers[1]").isEqualTo("omniva");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        DayPlanFloor floor = DayPlanFloor.create(this, 1);
        floor.supervisor().put().uri("/api/v1/nodes/{code}/carrier-capacities/{carrier}", floor.world.node, "omniva")
                .bodyValue(Map.of("parcels_per_day", -1)).exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("parcels_per_day");
        floor.supervisor().put().uri("/api/v1/nodes/{code}/carrier-capacities/{carrier}", floor.world.node, "teleport")
                .bodyValue(Map.of("parcels_per_day", 5)).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("carrier");
        floor.supervisor().get().uri("/api/v1/nodes/{code}/carrier-capacities", floor.world.node).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        floor.world.merchant(this).put().uri("/api/v1/nodes/{code}/carrier-capacities/{carrier}", floor.world.node, "omniva")
                .bodyValue(Map.of("parcels_per_day", 5)).exchange().expectStatus().isForbidden();
        floor.world.merchant(this).get().uri("/api/v1/nodes/{code}/carrier-capacities", floor.world.node).exchange().expectStatus().isForbidden();

        floor.world.merchant(this).put().uri("/api/v1/preferred-carriers").bodyValue(Map.of("carriers", List.of("omniva")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.carriers[0]").isEqualTo("omniva");
        floor.world.merchant(this).put().uri("/api/v1/preferred-carriers").bodyValue(Map.of("carriers", List.of("dpd-baltics", "teleport")))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("carriers[1]");
        floor.world.merchant(this).get().uri("/api/v1/preferred-carriers").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.carriers.length()").isEqualTo(1).jsonPath("$.carriers[0]").isEqualTo("omniva");

        floor.supervisor().get().uri("/api/v1/nodes/{code}/day-plans/{day}", floor.world.node, "2026-13-01").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("day");
        floor.supervisor().get().uri("/api/v1/nodes/{code}/day-plans/{day}/parcels?status=late", floor.world.node, floor.today()).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        DayPlanFloor elsewhere = DayPlanFloor.create(this, 1);
        floor.supervisor().get().uri("/api/v1/nodes/{code}/day-plans/{day}", elsewhere.world.node, floor.today()).exchange()
                .expectStatus().isNotFound();
        floor.supervisor().post().uri("/api/v1/nodes/{code}/day-plans/runs", elsewhere.world.node).exchange().expectStatus().isNotFound();
        floor.supervisor().get().uri("/api/v1/nodes/{code}/day-plans/{day}", floor.world.node, floor.today()).exchange()
                .expectStatus().isNotFound();
    }
}
