package io.stowage.carriers.selection;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One warehouse's parcels of one day, each to be assigned a shipping option. Parcels that have no
 * feasible option at all are kept apart as {@link UnassignedParcel}s with their reason: planners
 * never see them, so they cannot fail on them or hide them behind an option that breaks a rule.
 */
@PlanningSolution
public class DayPlan {

    @PlanningEntityCollectionProperty
    private List<ParcelAssignment> assignments;
    private List<UnassignedParcel> unplannable;
    @ProblemFactCollectionProperty
    private List<CarrierCapacity> capacities;
    @ProblemFactProperty
    private SelectionPolicy policy;
    @PlanningScore
    private HardSoftLongScore score;

    /** For OptaPlanner's solution cloning. */
    public DayPlan() {
    }

    /** Assignments whose parcel has no feasible option are moved to {@link #getUnplannable()}. */
    public DayPlan(List<ParcelAssignment> assignments, List<CarrierCapacity> capacities, SelectionPolicy policy) {
        this(assignments, List.of(), capacities, policy);
    }

    private DayPlan(List<ParcelAssignment> assignments, List<UnassignedParcel> unplannable,
                    List<CarrierCapacity> capacities, SelectionPolicy policy) {
        this.capacities = List.copyOf(capacities);
        this.policy = policy;
        Map<String, Integer> capacity = capacityByCarrier();
        List<ParcelAssignment> plannable = new ArrayList<>();
        List<UnassignedParcel> left = new ArrayList<>(unplannable);
        for (ParcelAssignment assignment : assignments) {
            ParcelFeasibility.whyUnplannable(assignment.getDemand(), assignment.getOptions(), capacity)
                    .ifPresentOrElse(left::add, () -> plannable.add(assignment));
        }
        this.assignments = List.copyOf(plannable);
        this.unplannable = List.copyOf(left);
    }

    /**
     * An unassigned plan. Quotes in another currency than the policy's are left out, because their
     * prices cannot be compared; a parcel quoted only in other currencies is unplannable.
     */
    public static DayPlan unassigned(List<PlannedParcel> parcels, List<CarrierCapacity> capacities, SelectionPolicy policy) {
        List<ParcelAssignment> assignments = new ArrayList<>();
        List<UnassignedParcel> unplannable = new ArrayList<>();
        for (PlannedParcel parcel : parcels) {
            List<ShippingOption> options = parcel.quotes().stream()
                    .filter(quote -> quote.total().currency().equals(policy.currency()))
                    .map(ShippingOption::new)
                    .toList();
            if (options.isEmpty() && !parcel.quotes().isEmpty()) {
                unplannable.add(new UnassignedParcel(parcel.demand(), UnassignedParcel.Reason.NO_QUOTE_IN_PLAN_CURRENCY,
                        "quoted only in " + parcel.quotes().stream().map(quote -> quote.total().currency().getCurrencyCode())
                                .distinct().sorted().collect(Collectors.joining(", "))
                                + "; the plan compares prices in " + policy.currency().getCurrencyCode()));
            } else {
                assignments.add(new ParcelAssignment(parcel.demand(), options));
            }
        }
        return new DayPlan(assignments, unplannable, capacities, policy);
    }

    /** A copy with the same parcels and options and no assignments, so two planners start from the same point. */
    public DayPlan unassignedCopy() {
        return new DayPlan(assignments.stream()
                .map(assignment -> new ParcelAssignment(assignment.getDemand(), assignment.getOptions()))
                .toList(), unplannable, capacities, policy);
    }

    /** The parcels to plan: each has at least one option that keeps its own hard rules. */
    public List<ParcelAssignment> getAssignments() {
        return assignments;
    }

    /** The parcels no planner can place, with the reason; they are never assigned. */
    public List<UnassignedParcel> getUnplannable() {
        return unplannable;
    }

    public List<CarrierCapacity> getCapacities() {
        return capacities;
    }

    public SelectionPolicy getPolicy() {
        return policy;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }

    public Map<String, Integer> capacityByCarrier() {
        return capacities.stream().collect(Collectors.toMap(CarrierCapacity::carrierCode, CarrierCapacity::parcelsPerDay));
    }

    /** The chosen option per parcel id; parcels without options are absent. */
    public Map<String, ShippingOption> chosenOptions() {
        return assignments.stream().filter(assignment -> assignment.getOption() != null)
                .collect(Collectors.toMap(ParcelAssignment::getParcelId, ParcelAssignment::getOption));
    }

    Map<String, ParcelAssignment> assignmentsById() {
        return assignments.stream().collect(Collectors.toMap(ParcelAssignment::getParcelId, Function.identity()));
    }
}
