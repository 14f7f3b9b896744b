package io.stowage.picking.batching;

import io.stowage.picking.routing.RouteLengthEstimator;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

import java.util.List;

/** OptaPlanner's view of a batching problem: cart trips, the orders to put on them, the route estimate. */
@PlanningSolution
public class BatchingSolution {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<BatchSlot> slots;
    @PlanningEntityCollectionProperty
    private List<BatchedOrder> orders;
    @ProblemFactProperty
    private RouteLengthEstimator estimator;
    @PlanningScore
    private HardSoftLongScore score;

    public BatchingSolution() {
    }

    public BatchingSolution(List<BatchSlot> slots, List<BatchedOrder> orders, RouteLengthEstimator estimator) {
        this.slots = slots;
        this.orders = orders;
        this.estimator = estimator;
    }

    public List<BatchSlot> getSlots() {
        return slots;
    }

    public void setSlots(List<BatchSlot> slots) {
        this.slots = slots;
    }

    public List<BatchedOrder> getOrders() {
        return orders;
    }

    public void setOrders(List<BatchedOrder> orders) {
        this.orders = orders;
    }

    public RouteLengthEstimator getEstimator() {
        return estimator;
    }

    public void setEstimator(RouteLengthEstimator estimator) {
        this.estimator = estimator;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }
}
