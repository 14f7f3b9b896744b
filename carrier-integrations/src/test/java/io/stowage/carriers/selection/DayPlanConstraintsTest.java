package io.stowage.carriers.selection;

import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.ServiceSpeed;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

import java.util.List;
import java.util.Set;

import static io.stowage.carriers.selection.Quotes.MONDAY;
import static io.stowage.carriers.selection.Quotes.demand;
import static io.stowage.carriers.selection.Quotes.door;
import static io.stowage.carriers.selection.Quotes.quote;

class DayPlanConstraintsTest {

    private final ConstraintVerifier<DayPlanConstraints, DayPlan> verifier =
            ConstraintVerifier.build(new DayPlanConstraints(), DayPlan.class, ParcelAssignment.class);
    private final SelectionPolicy policy = SelectionPolicy.defaultsFor("EUR");

    @Test
    void aLateOptionBreaksThePromise() {
        ParcelAssignment late = assigned(demand("p1", DeliveryPreference.ANY, MONDAY.plusDays(1)),
                new ShippingOption(door("post", 390, MONDAY.plusDays(3))));
        ParcelAssignment onTime = assigned(demand("p2", DeliveryPreference.ANY, MONDAY.plusDays(3)),
                new ShippingOption(door("post", 390, MONDAY.plusDays(3))));

        verifier.verifyThat(DayPlanConstraints::deliveryPromiseKept).given(late, onTime).penalizesBy(1);
    }

    @Test
    void doorDeliveryBreaksAPickupPointChoice() {
        ParcelAssignment door = assigned(demand("p1", DeliveryPreference.PICKUP_POINT, MONDAY.plusDays(5)),
                new ShippingOption(door("post", 390, MONDAY.plusDays(3))));
        ParcelAssignment locker = assigned(demand("p2", DeliveryPreference.PICKUP_POINT, MONDAY.plusDays(5)),
                new ShippingOption(quote("lockers", "locker", ServiceSpeed.STANDARD, DeliveryMode.PARCEL_LOCKER, 450, MONDAY.plusDays(2), 170)));

        verifier.verifyThat(DayPlanConstraints::customerChoiceHonoured).given(door, locker).penalizesBy(1);
    }

    @Test
    void parcelsOverACarriersCapacityAreEachPenalised() {
        List<ParcelAssignment> three = List.of(
                assigned(demand("p1", DeliveryPreference.ANY, MONDAY.plusDays(5)), new ShippingOption(door("post", 390, MONDAY.plusDays(3)))),
                assigned(demand("p2", DeliveryPreference.ANY, MONDAY.plusDays(5)), new ShippingOption(door("post", 390, MONDAY.plusDays(3)))),
                assigned(demand("p3", DeliveryPreference.ANY, MONDAY.plusDays(5)), new ShippingOption(door("post", 390, MONDAY.plusDays(3)))));

        verifier.verifyThat(DayPlanConstraints::carrierDailyCapacity)
                .given(three.get(0), three.get(1), three.get(2), new CarrierCapacity("post", 1), new CarrierCapacity("courier", 5))
                .penalizesBy(2);
        verifier.verifyThat(DayPlanConstraints::carrierDailyCapacity)
                .given(three.get(0), three.get(1), three.get(2), new CarrierCapacity("post", 3))
                .penalizesBy(0);
    }

    @Test
    void costIsThePriceInCents() {
        verifier.verifyThat(DayPlanConstraints::shippingCost)
                .given(assigned(demand("p1", DeliveryPreference.ANY, MONDAY), new ShippingOption(door("post", 390, MONDAY))),
                        assigned(demand("p2", DeliveryPreference.ANY, MONDAY), new ShippingOption(door("post", 590, MONDAY))))
                .penalizesBy(980);
    }

    @Test
    void aNonPreferredCarrierCostsThePolicysPenalty() {
        ParcelAssignment other = assigned(new ParcelDemand("p1", DeliveryPreference.ANY, MONDAY, Set.of("courier")),
                new ShippingOption(door("post", 390, MONDAY)));
        ParcelAssignment preferred = assigned(new ParcelDemand("p2", DeliveryPreference.ANY, MONDAY, Set.of("courier")),
                new ShippingOption(door("courier", 390, MONDAY)));
        ParcelAssignment noPreference = assigned(demand("p3", DeliveryPreference.ANY, MONDAY), new ShippingOption(door("post", 390, MONDAY)));

        verifier.verifyThat(DayPlanConstraints::merchantPreferredCarriers).given(other, preferred, noPreference, policy).penalizesBy(50);
    }

    @Test
    void emissionsCountOnlyForEcoParcels() {
        ShippingOption heavyEmitter = new ShippingOption(quote("courier", "express", ServiceSpeed.EXPRESS, DeliveryMode.DOOR, 990, MONDAY, 950));
        ParcelAssignment eco = assigned(demand("p1", DeliveryPreference.ECO, MONDAY), heavyEmitter);
        ParcelAssignment any = assigned(demand("p2", DeliveryPreference.ANY, MONDAY), heavyEmitter);

        verifier.verifyThat(DayPlanConstraints::ecoEmissions).given(eco, any, policy).penalizesBy(95);
    }

    private static ParcelAssignment assigned(ParcelDemand demand, ShippingOption option) {
        ParcelAssignment assignment = new ParcelAssignment(demand, List.of(option));
        assignment.setOption(option);
        return assignment;
    }
}
