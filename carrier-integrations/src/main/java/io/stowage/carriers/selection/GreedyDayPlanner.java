package io.stowage.carriers.selection;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The baseline: parcels one at a time in the order given (the order they were packed), each taking
 * the cheapest option after soft penalties that keeps its promise and its customer's choice on a
 * carrier with capacity left; failing that, the cheapest with capacity left; failing that, the cheapest.
 * It is what choosing parcel by parcel with {@link SingleParcelSelector} does over a day.
 */
public final class GreedyDayPlanner {

    /** Assigns every parcel of a fresh copy of the plan and returns it. */
    public DayPlan plan(DayPlan problem) {
        DayPlan plan = problem.unassignedCopy();
        Map<String, Integer> remaining = new HashMap<>(plan.capacityByCarrier());
        for (ParcelAssignment assignment : plan.getAssignments()) {
            ParcelDemand demand = assignment.getDemand();
            Predicate<ShippingOption> hasCapacity = option -> remaining.getOrDefault(option.carrierCode(), Integer.MAX_VALUE) > 0;
            Predicate<ShippingOption> keepsEverything = hasCapacity
                    .and(option -> option.arrivesBy(demand.promisedBy()))
                    .and(option -> demand.preference().accepts(option.quote().service()));
            Comparator<ShippingOption> cheapest = Comparator.comparingLong(option -> option.effectiveCost(demand, plan.getPolicy()));
            List<ShippingOption> options = assignment.getOptions();
            Optional<ShippingOption> chosen = options.stream().filter(keepsEverything).min(cheapest)
                    .or(() -> options.stream().filter(hasCapacity).min(cheapest))
                    .or(() -> options.stream().min(cheapest));
            chosen.ifPresent(option -> {
                assignment.setOption(option);
                remaining.computeIfPresent(option.carrierCode(), (carrier, left) -> left - 1);
            });
        }
        return plan;
    }
}
