package io.stowage.carriers.selection;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The rules of a day's carrier plan. Hard: keep each delivery promise, honour the customer's
 * choice, stay within each carrier's daily collection capacity. Soft, all in minor currency units:
 * the price, a penalty for carriers the merchant does not prefer, and CO2 for eco parcels.
 * Service limits need no rule: a parcel only has options from services that accepted it.
 */
public class DayPlanConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                deliveryPromiseKept(factory),
                customerChoiceHonoured(factory),
                carrierDailyCapacity(factory),
                shippingCost(factory),
                merchantPreferredCarriers(factory),
                ecoEmissions(factory)
        };
    }

    Constraint deliveryPromiseKept(ConstraintFactory factory) {
        return factory.forEach(ParcelAssignment.class)
                .filter(assignment -> !assignment.keepsPromise())
                .penalize(HardSoftLongScore.ONE_HARD)
                .asConstraint("Delivery promise kept");
    }

    Constraint customerChoiceHonoured(ConstraintFactory factory) {
        return factory.forEach(ParcelAssignment.class)
                .filter(assignment -> !assignment.honoursCustomerChoice())
                .penalize(HardSoftLongScore.ONE_HARD)
                .asConstraint("Customer choice honoured");
    }

    Constraint carrierDailyCapacity(ConstraintFactory factory) {
        return factory.forEach(ParcelAssignment.class)
                .groupBy(assignment -> assignment.getOption().carrierCode(), ConstraintCollectors.count())
                .join(CarrierCapacity.class, Joiners.equal((carrier, count) -> carrier, CarrierCapacity::carrierCode))
                .filter((carrier, count, capacity) -> count > capacity.parcelsPerDay())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (carrier, count, capacity) -> count - capacity.parcelsPerDay())
                .asConstraint("Carrier daily capacity");
    }

    Constraint shippingCost(ConstraintFactory factory) {
        return factory.forEach(ParcelAssignment.class)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, assignment -> assignment.getOption().costMinor())
                .asConstraint("Shipping cost");
    }

    Constraint merchantPreferredCarriers(ConstraintFactory factory) {
        return factory.forEach(ParcelAssignment.class)
                .filter(ParcelAssignment::isOnNonPreferredCarrier)
                .join(SelectionPolicy.class)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (assignment, policy) -> policy.nonPreferredCarrierPenalty())
                .asConstraint("Merchant's preferred carriers");
    }

    Constraint ecoEmissions(ConstraintFactory factory) {
        return factory.forEach(ParcelAssignment.class)
                .filter(ParcelAssignment::isEco)
                .join(SelectionPolicy.class)
                .penalizeLong(HardSoftLongScore.ONE_SOFT,
                        (assignment, policy) -> assignment.getOption().co2Grams() * policy.co2PenaltyPerKg() / 1000)
                .asConstraint("CO2 of eco parcels");
    }
}
