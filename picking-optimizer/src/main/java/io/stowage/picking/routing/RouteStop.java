package io.stowage.picking.routing;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;
import org.optaplanner.core.api.domain.variable.NextElementShadowVariable;
import org.optaplanner.core.api.domain.variable.PreviousElementShadowVariable;

/** A stop of an OptaPlanner route: an element of the picker's list variable, with its neighbours as shadows. */
@PlanningEntity
public class RouteStop {

    private int index;
    private StopDistances distances;

    @InverseRelationShadowVariable(sourceVariableName = "stops")
    private RoutePicker picker;
    @PreviousElementShadowVariable(sourceVariableName = "stops")
    private RouteStop previous;
    @NextElementShadowVariable(sourceVariableName = "stops")
    private RouteStop next;

    public RouteStop() {
    }

    RouteStop(int index, StopDistances distances) {
        this.index = index;
        this.distances = distances;
    }

    /** Millimetres walked to reach this stop, plus the way back to the depot when it is the last one. */
    long walkedMillimetres() {
        long arriving = distances.millimetres(previous == null ? StopDistances.DEPOT : previous.index, index);
        return next == null ? arriving + distances.millimetres(index, StopDistances.DEPOT) : arriving;
    }

    int index() {
        return index;
    }

    StopDistances distances() {
        return distances;
    }

    public RoutePicker getPicker() {
        return picker;
    }

    public void setPicker(RoutePicker picker) {
        this.picker = picker;
    }

    public RouteStop getPrevious() {
        return previous;
    }

    public void setPrevious(RouteStop previous) {
        this.previous = previous;
    }

    public RouteStop getNext() {
        return next;
    }

    public void setNext(RouteStop next) {
        this.next = next;
    }
}
