package io.stowage.picking.routing;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;

import java.util.ArrayList;
import java.util.List;

/** The one picker of an OptaPlanner route, whose list variable is the visiting order. */
@PlanningEntity
public class RoutePicker {

    @PlanningListVariable
    private List<RouteStop> stops = new ArrayList<>();

    public List<RouteStop> getStops() {
        return stops;
    }

    public void setStops(List<RouteStop> stops) {
        this.stops = stops;
    }
}
