package io.stowage.carriers.selection;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One warehouse's parcels of one day, each to be assigned a shipping option. */
@PlanningSolution
public class DayPlan {

    @PlanningEntityCollectionProperty
    private List<ParcelAssignment> assignments;
    @ProblemFactCollectionProperty
    private List<CarrierCapacity> capacities;
    @ProblemFactProperty
    private SelectionPolicy policy;
    @PlanningScore
    private HardSoftLongScore score;

    /** For OptaPlanner's solution cloning. */
    public DayPlan() {
    }

    public DayPlan(List<ParcelAssignment> assignments, List<CarrierCapacity> capacities, SelectionPolicy policy) {
        this.assignments = List.copyOf(assignments);
        this.capacities = List.copyOf(capacities);
        this.policy = policy;
    }

    /**
     * An unassigned plan. Quotes in another currency than the policy's are left out, because their
     * prices cannot be compared.
     */
    public static DayPlan unassigned(List<PlannedParcel> parcels, List<CarrierCapacity> capacities, SelectionPolicy policy) {
        List<ParcelAssignment> assignments = parcels.stream()
                .map(parcel -> new ParcelAssignment(parcel.demand(), parcel.quotes().stream()
                        .filter(quote -> quote.total().currency().equals(policy.currency()))
                        .map(ShippingOption::new)
                        .toList()))
                .toList();
        return new DayPlan(assignments, capacities, policy);
    }

    /** A copy with the same parcels and options and no assignments, so two planners start from the same point. */
    public DayPlan unassignedCopy() {
        return new DayPlan(assignments.stream()
                .map(assignment -> new ParcelAssignment(assignment.getDemand(), assignment.getOptions()))
                .toList(), capacities, policy);
    }

    public List<ParcelAssignment> getAssignments() {
        return assignments;
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
