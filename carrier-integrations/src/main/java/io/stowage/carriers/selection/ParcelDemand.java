package io.stowage.carriers.selection;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What a parcel needs from its carrier.
 *
 * @param promisedBy        the delivery date promised to the customer
 * @param preferredCarriers the merchant's preferred carrier codes; empty when it has none
 */
public record ParcelDemand(String parcelId, DeliveryPreference preference, LocalDate promisedBy,
                           Set<String> preferredCarriers) {

    public ParcelDemand {
        Objects.requireNonNull(parcelId, "parcelId");
        Objects.requireNonNull(preference, "preference");
        Objects.requireNonNull(promisedBy, "promisedBy");
        preferredCarriers = Set.copyOf(preferredCarriers);
    }

    public boolean prefersAnotherCarrierThan(String carrierCode) {
        return !preferredCarriers.isEmpty() && !preferredCarriers.contains(carrierCode);
    }
}
