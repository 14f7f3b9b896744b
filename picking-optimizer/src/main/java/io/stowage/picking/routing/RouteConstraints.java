package io.stowage.picking.routing;

import org.optaplanner.core.api.score.buildin.simplelong.SimpleLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/** The only rule of a pick route: walk as little as possible. */
public class RouteConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {walkingDistance(factory)};
    }

    Constraint walkingDistance(ConstraintFactory factory) {
        return factory.forEach(RouteStop.class)
                .penalizeLong(SimpleLongScore.ONE, RouteStop::walkedMillimetres)
                .asConstraint("walking distance");
    }
}
