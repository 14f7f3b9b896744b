package io.stowage.carriers.selection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.stowage.carriers.selection.Quotes.MONDAY;
import static io.stowage.carriers.selection.Quotes.demand;
import static io.stowage.carriers.selection.Quotes.door;
import static org.assertj.core.api.Assertions.assertThat;

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
}
