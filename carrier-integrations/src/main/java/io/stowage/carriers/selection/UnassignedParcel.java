package io.stowage.carriers.selection;

import java.util.Objects;

/**
 * A parcel of the day that no planner can place, and why: it has no option that could be chosen
 * without breaking a rule that holds for the parcel on its own. It comes back with the plan instead
 * of making the planner fail, so the rest of the day is still planned and someone can act on it.
 *
 * @param detail the specifics in words, e.g. which currencies it was quoted in
 */
public record UnassignedParcel(ParcelDemand demand, Reason reason, String detail) {

    public enum Reason {
        /** No carrier quoted for the parcel (destination not served, parcel beyond every service's limits). */
        NO_QUOTE,
        /** Quotes came only in other currencies than the plan's, whose prices cannot be compared. */
        NO_QUOTE_IN_PLAN_CURRENCY,
        /** Every option is on a carrier that collects no parcels that day. */
        NO_CARRIER_CAPACITY,
        /** No option arrives by the promised date. */
        PROMISE_CANNOT_BE_KEPT,
        /** No option is of the kind the customer chose (express, eco, pickup point). */
        CHOICE_CANNOT_BE_HONOURED,
        /** Some options keep the promise and others the customer's choice, but none does both. */
        PROMISE_AND_CHOICE_CANNOT_BOTH_BE_KEPT
    }

    public UnassignedParcel {
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public String parcelId() {
        return demand.parcelId();
    }
}
