package io.stowage.carriers.selection;

import org.junit.jupiter.api.Test;

import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.Money;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.ServiceSpeed;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.stowage.carriers.selection.Quotes.MONDAY;
import static io.stowage.carriers.selection.Quotes.demand;
import static io.stowage.carriers.selection.Quotes.door;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DayPlannersTest {

    private final SelectionPolicy policy = SelectionPolicy.defaultsFor("EUR");

    /**
     * The cheap carrier collects only one parcel. Greedy gives it to the first parcel, whose
     * alternative was almost as cheap, and the second parcel pays dearly; the solver swaps them.
     */
    private DayPlan scarceCheapCarrier() {
        return DayPlan.unassigned(List.of(
                        new PlannedParcel(demand("first", DeliveryPreference.ANY, MONDAY.plusDays(3)),
                                List.of(door("cheap", 300, MONDAY.plusDays(2)), door("other", 310, MONDAY.plusDays(2)))),
                        new PlannedParcel(demand("second", DeliveryPreference.ANY, MONDAY.plusDays(3)),
                                List.of(door("cheap", 300, MONDAY.plusDays(2)), door("other", 900, MONDAY.plusDays(2))))),
                List.of(new CarrierCapacity("cheap", 1)), policy);
    }

    @Test
    void greedyTakesParcelsInOrderAndRespectsCapacity() {
        DayPlan plan = new GreedyDayPlanner().plan(scarceCheapCarrier());

        assertThat(plan.chosenOptions().get("first").carrierCode()).isEqualTo("cheap");
        assertThat(plan.chosenOptions().get("second").carrierCode()).isEqualTo("other");
        assertThat(DayPlanSummary.of(plan)).isEqualTo(new DayPlanSummary(2, 2, 1200, 2, 2, 0, 2));
    }

    @Test
    void solverFindsTheCheaperPlanWithinTheSameConstraints() {
        DayPlan solved = new DayPlanSolver(Duration.ofSeconds(5), Duration.ofMillis(300)).solve(scarceCheapCarrier());

        assertThat(solved.chosenOptions().get("first").carrierCode()).isEqualTo("other");
        assertThat(solved.chosenOptions().get("second").carrierCode()).isEqualTo("cheap");
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(DayPlanSummary.of(solved).totalCostMinor()).isEqualTo(610);
    }

    @Test
    void solverKeepsAPromiseGreedyBreaksForCapacity() {
        // The fast carrier can take one parcel. Greedy gives it to the first (which could wait); the
        // second, promised for tomorrow, is then late.
        DayPlan problem = DayPlan.unassigned(List.of(
                        new PlannedParcel(demand("relaxed", DeliveryPreference.ANY, MONDAY.plusDays(4)),
                                List.of(door("fast", 400, MONDAY.plusDays(1)), door("slow", 450, MONDAY.plusDays(4)))),
                        new PlannedParcel(demand("urgent", DeliveryPreference.ANY, MONDAY.plusDays(1)),
                                List.of(door("fast", 400, MONDAY.plusDays(1)), door("slow", 350, MONDAY.plusDays(4))))),
                List.of(new CarrierCapacity("fast", 1)), policy);

        DayPlanSummary greedy = DayPlanSummary.of(new GreedyDayPlanner().plan(problem));
        DayPlanSummary solved = DayPlanSummary.of(new DayPlanSolver(Duration.ofSeconds(5), Duration.ofMillis(300)).solve(problem));

        assertThat(greedy.promisesKept()).isEqualTo(1);
        assertThat(solved.promisesKept()).isEqualTo(2);
        assertThat(solved.capacityExcess()).isZero();
    }

    /**
     * A parcel quoted only in another currency, one with no quote, one whose every option is late
     * and one whose customer wants a pickup point nobody offers: each comes back unassigned, and
     * the parcel that can be planned still is.
     */
    private DayPlan dayWithUnplannableParcels() {
        RateQuote dollars = door("usps", 900, MONDAY.plusDays(2));
        RateQuote inDollars = new RateQuote(dollars.service(), Money.of(900, "USD"), List.of(), Money.of(900, "USD"),
                dollars.billableWeight(), dollars.shipDate(), dollars.estimatedDelivery(), dollars.transitDays(), Optional.empty());
        return DayPlan.unassigned(List.of(
                        new PlannedParcel(demand("planned", DeliveryPreference.ANY, MONDAY.plusDays(3)),
                                List.of(door("post", 300, MONDAY.plusDays(2)))),
                        new PlannedParcel(demand("dollars-only", DeliveryPreference.ANY, MONDAY.plusDays(3)), List.of(inDollars)),
                        new PlannedParcel(demand("no-quote", DeliveryPreference.ANY, MONDAY.plusDays(3)), List.of()),
                        new PlannedParcel(demand("too-late", DeliveryPreference.ANY, MONDAY.plusDays(1)),
                                List.of(door("post", 300, MONDAY.plusDays(2)))),
                        new PlannedParcel(demand("no-locker", DeliveryPreference.PICKUP_POINT, MONDAY.plusDays(3)),
                                List.of(door("post", 300, MONDAY.plusDays(2))))),
                List.of(), policy);
    }

    @Test
    void solverLeavesParcelsWithoutAFeasibleOptionUnassignedAndPlansTheRest() {
        DayPlan solved = new DayPlanSolver(Duration.ofSeconds(5), Duration.ofMillis(300)).solve(dayWithUnplannableParcels());

        assertThat(solved.chosenOptions()).containsOnlyKeys("planned");
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getUnplannable()).extracting(UnassignedParcel::parcelId, UnassignedParcel::reason).containsExactlyInAnyOrder(
                tuple("dollars-only", UnassignedParcel.Reason.NO_QUOTE_IN_PLAN_CURRENCY),
                tuple("no-quote", UnassignedParcel.Reason.NO_QUOTE),
                tuple("too-late", UnassignedParcel.Reason.PROMISE_CANNOT_BE_KEPT),
                tuple("no-locker", UnassignedParcel.Reason.CHOICE_CANNOT_BE_HONOURED));
        assertThat(solved.getUnplannable()).filteredOn(parcel -> parcel.parcelId().equals("dollars-only"))
                .singleElement().extracting(UnassignedParcel::detail).asString().contains("USD").contains("EUR");
        assertThat(DayPlanSummary.of(solved)).extracting(DayPlanSummary::parcels, DayPlanSummary::assigned).containsExactly(5, 1);
    }

    @Test
    void aDayWithNothingPlannableStillSolves() {
        DayPlan problem = DayPlan.unassigned(List.of(
                        new PlannedParcel(demand("no-quote", DeliveryPreference.ANY, MONDAY.plusDays(3)), List.of()),
                        new PlannedParcel(demand("uncollected", DeliveryPreference.ANY, MONDAY.plusDays(3)),
                                List.of(door("closed", 300, MONDAY.plusDays(2))))),
                List.of(new CarrierCapacity("closed", 0)), policy);

        DayPlan solved = new DayPlanSolver(Duration.ofSeconds(5), Duration.ofMillis(300)).solve(problem);

        assertThat(solved.chosenOptions()).isEmpty();
        assertThat(solved.getUnplannable()).extracting(UnassignedParcel::reason)
                .containsExactly(UnassignedParcel.Reason.NO_QUOTE, UnassignedParcel.Reason.NO_CARRIER_CAPACITY);
    }

    @Test
    void anExpressParcelWhoseOnlyExpressOptionIsLateCannotKeepBoth() {
        DayPlan problem = DayPlan.unassigned(List.of(new PlannedParcel(demand("express", DeliveryPreference.EXPRESS, MONDAY.plusDays(1)),
                        List.of(door("post", 300, MONDAY.plusDays(1)),
                                Quotes.quote("courier", "express", ServiceSpeed.EXPRESS, DeliveryMode.DOOR, 900, MONDAY.plusDays(2), 900)))),
                List.of(), policy);

        assertThat(problem.getUnplannable()).singleElement().extracting(UnassignedParcel::reason)
                .isEqualTo(UnassignedParcel.Reason.PROMISE_AND_CHOICE_CANNOT_BOTH_BE_KEPT);
    }

    @Test
    void greedyLeavesTheSameParcelsUnassigned() {
        DayPlan planned = new GreedyDayPlanner().plan(dayWithUnplannableParcels());

        assertThat(planned.chosenOptions()).containsOnlyKeys("planned");
        assertThat(planned.getUnplannable()).hasSize(4);
    }
}
