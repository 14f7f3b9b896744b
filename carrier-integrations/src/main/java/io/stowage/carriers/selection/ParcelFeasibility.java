package io.stowage.carriers.selection;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, one parcel at a time, whether any of its options could be chosen without breaking a hard
 * rule that does not depend on the other parcels: the delivery promise, the customer's choice and a
 * carrier that collects at all that day. Capacity shared between parcels is left to the planners.
 */
final class ParcelFeasibility {

    private ParcelFeasibility() {
    }

    /** Empty when the parcel has at least one feasible option; else why it has none. */
    static Optional<UnassignedParcel> whyUnplannable(ParcelDemand demand, List<ShippingOption> options,
                                                     Map<String, Integer> capacityByCarrier) {
        if (options.isEmpty()) {
            return Optional.of(new UnassignedParcel(demand, UnassignedParcel.Reason.NO_QUOTE, "no carrier quoted for the parcel"));
        }
        List<ShippingOption> collected = options.stream()
                .filter(option -> capacityByCarrier.getOrDefault(option.carrierCode(), Integer.MAX_VALUE) > 0)
                .toList();
        if (collected.isEmpty()) {
            return Optional.of(new UnassignedParcel(demand, UnassignedParcel.Reason.NO_CARRIER_CAPACITY,
                    "no parcels are collected today by " + carriers(options)));
        }
        boolean anyOnTime = collected.stream().anyMatch(option -> option.arrivesBy(demand.promisedBy()));
        boolean anyOfChosenKind = collected.stream().anyMatch(option -> demand.preference().accepts(option.quote().service()));
        if (!anyOnTime && !anyOfChosenKind) {
            return Optional.of(new UnassignedParcel(demand, UnassignedParcel.Reason.PROMISE_CANNOT_BE_KEPT,
                    "no option arrives by " + demand.promisedBy() + " nor is " + demand.preference() + "; earliest arrival "
                            + earliest(collected)));
        }
        if (!anyOnTime) {
            return Optional.of(new UnassignedParcel(demand, UnassignedParcel.Reason.PROMISE_CANNOT_BE_KEPT,
                    "no option arrives by " + demand.promisedBy() + "; earliest arrival " + earliest(collected)));
        }
        if (!anyOfChosenKind) {
            return Optional.of(new UnassignedParcel(demand, UnassignedParcel.Reason.CHOICE_CANNOT_BE_HONOURED,
                    "no option is " + demand.preference() + " delivery"));
        }
        boolean anyKeepsBoth = collected.stream().anyMatch(option -> option.arrivesBy(demand.promisedBy())
                && demand.preference().accepts(option.quote().service()));
        if (!anyKeepsBoth) {
            return Optional.of(new UnassignedParcel(demand, UnassignedParcel.Reason.PROMISE_AND_CHOICE_CANNOT_BOTH_BE_KEPT,
                    "no " + demand.preference() + " option arrives by " + demand.promisedBy()));
        }
        return Optional.empty();
    }

    private static String carriers(List<ShippingOption> options) {
        return String.join(", ", options.stream().map(ShippingOption::carrierCode).distinct().sorted().toList());
    }

    private static String earliest(List<ShippingOption> options) {
        return options.stream().map(option -> option.quote().estimatedDelivery()).min(Comparable::compareTo).orElseThrow().toString();
    }
}
