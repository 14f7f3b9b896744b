package io.stowage.carriers.selection;

import java.util.HashMap;
import java.util.Map;

/**
 * The figures a planner is judged by, counted straight from the assignments so greedy and solver
 * plans are measured the same way.
 *
 * @param parcels                 every parcel of the day, the unplannable ones included
 * @param totalCostMinor          the sum of the chosen prices
 * @param capacityExcess          parcels over carriers' daily capacity, summed over carriers
 */
public record DayPlanSummary(int parcels, int assigned, long totalCostMinor, int promisesKept,
                             int choicesHonoured, int capacityExcess, int onPreferredCarrier) {

    public static DayPlanSummary of(DayPlan plan) {
        int assigned = 0;
        long cost = 0;
        int kept = 0;
        int honoured = 0;
        int preferred = 0;
        Map<String, Integer> perCarrier = new HashMap<>();
        for (ParcelAssignment assignment : plan.getAssignments()) {
            if (assignment.getOption() == null) {
                continue;
            }
            assigned++;
            cost += assignment.getOption().costMinor();
            kept += assignment.keepsPromise() ? 1 : 0;
            honoured += assignment.honoursCustomerChoice() ? 1 : 0;
            preferred += assignment.isOnNonPreferredCarrier() ? 0 : 1;
            perCarrier.merge(assignment.getOption().carrierCode(), 1, Integer::sum);
        }
        Map<String, Integer> capacity = plan.capacityByCarrier();
        int excess = perCarrier.entrySet().stream()
                .mapToInt(entry -> Math.max(0, entry.getValue() - capacity.getOrDefault(entry.getKey(), Integer.MAX_VALUE)))
                .sum();
        return new DayPlanSummary(plan.getAssignments().size() + plan.getUnplannable().size(), assigned, cost, kept, honoured, excess, preferred);
    }
}
