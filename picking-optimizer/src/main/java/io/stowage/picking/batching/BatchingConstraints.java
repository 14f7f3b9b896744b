package io.stowage.picking.batching;

import io.stowage.picking.routing.RouteLengthEstimator;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The batching rules. Hard: a cart carries no more totes, volume or weight than it can, and what must leave
 * on an earlier day is never picked after what may leave later. Soft, in millimetres of walking: short
 * routes first of all, then older and express orders in earlier batches. (An order staying in one batch
 * needs no rule: the order is the planning entity.)
 */
public class BatchingConstraints implements ConstraintProvider {

    /**
     * Millimetres of walking worth moving an order that has waited an hour one batch earlier: small, so that
     * waiting time orders batches of similar length rather than lengthening them.
     */
    static final long MILLIMETRES_PER_HOUR_AND_BATCH = 1;
    /** Millimetres of walking worth moving an express order one batch earlier. */
    static final long MILLIMETRES_PER_EXPRESS_BATCH = 20;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                cartTotes(factory),
                cartVolume(factory),
                cartWeight(factory),
                earlierCutoffPickedFirst(factory),
                shortRoutes(factory),
                olderOrdersEarlier(factory),
                expressOrdersEarlier(factory)
        };
    }

    Constraint cartTotes(ConstraintFactory factory) {
        return factory.forEach(BatchedOrder.class)
                .groupBy(BatchedOrder::getSlot, ConstraintCollectors.sum(BatchedOrder::totes))
                .filter((slot, totes) -> totes > slot.capacity().totes())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (slot, totes) -> totes - slot.capacity().totes())
                .asConstraint("cart totes");
    }

    Constraint cartVolume(ConstraintFactory factory) {
        return factory.forEach(BatchedOrder.class)
                .groupBy(BatchedOrder::getSlot, ConstraintCollectors.sumLong(BatchedOrder::volumeCm3))
                .filter((slot, volume) -> volume > slot.capacity().volumeCm3())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (slot, volume) -> ceilingLitres(volume - slot.capacity().volumeCm3()))
                .asConstraint("cart volume");
    }

    Constraint cartWeight(ConstraintFactory factory) {
        return factory.forEach(BatchedOrder.class)
                .groupBy(BatchedOrder::getSlot, ConstraintCollectors.sumLong(BatchedOrder::weightGrams))
                .filter((slot, weight) -> weight > slot.capacity().weightGrams())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (slot, weight) -> ceilingKilograms(weight - slot.capacity().weightGrams()))
                .asConstraint("cart weight");
    }

    Constraint earlierCutoffPickedFirst(ConstraintFactory factory) {
        return factory.forEach(BatchedOrder.class)
                .join(BatchedOrder.class,
                        Joiners.lessThan(BatchedOrder::cutoffDay),
                        Joiners.greaterThan(BatchedOrder::sequence))
                .penalizeLong(HardSoftLongScore.ONE_HARD, (due, later) -> 1)
                .asConstraint("earlier cut-off picked first");
    }

    Constraint shortRoutes(ConstraintFactory factory) {
        return factory.forEach(BatchedOrder.class)
                .groupBy(BatchedOrder::getSlot, ConstraintCollectors.toList(BatchedOrder::nodes))
                .join(RouteLengthEstimator.class)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (slot, nodes, estimator) -> estimator.millimetres(nodes))
                .asConstraint("short routes");
    }

    Constraint olderOrdersEarlier(ConstraintFactory factory) {
        return factory.forEach(BatchedOrder.class)
                .filter(order -> order.waitingHours() > 0 && order.sequence() > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT,
                        order -> order.waitingHours() * order.sequence() * MILLIMETRES_PER_HOUR_AND_BATCH)
                .asConstraint("older orders earlier");
    }

    Constraint expressOrdersEarlier(ConstraintFactory factory) {
        return factory.forEach(BatchedOrder.class)
                .filter(order -> order.express() && order.sequence() > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, order -> order.sequence() * MILLIMETRES_PER_EXPRESS_BATCH)
                .asConstraint("express orders earlier");
    }

    private static long ceilingLitres(long cubicCentimetres) {
        return (cubicCentimetres + 999) / 1000;
    }

    private static long ceilingKilograms(long grams) {
        return (grams + 999) / 1000;
    }
}
