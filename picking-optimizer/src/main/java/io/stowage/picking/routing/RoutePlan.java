package io.stowage.picking.routing;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.simplelong.SimpleLongScore;

import java.util.List;

/** OptaPlanner's view of one pick route. */
@PlanningSolution
public class RoutePlan {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<RouteStop> stops;
    @PlanningEntityCollectionProperty
    private List<RoutePicker> pickers;
    @PlanningScore
    private SimpleLongScore score;

    public RoutePlan() {
    }

    RoutePlan(List<RouteStop> stops, RoutePicker picker) {
        this.stops = stops;
        this.pickers = List.of(picker);
    }

    public List<RouteStop> getStops() {
        return stops;
    }

    public void setStops(List<RouteStop> stops) {
        this.stops = stops;
    }

    public List<RoutePicker> getPickers() {
        return pickers;
    }

    public void setPickers(List<RoutePicker> pickers) {
        this.pickers = pickers;
    }

    public SimpleLongScore getScore() {
        return score;
    }

    public void setScore(SimpleLongScore score) {
        this.score = score;
    }
}
