package io.stowage.carriers.selection;

/** How many parcels a carrier collects from the warehouse on the planned day. */
public record CarrierCapacity(String carrierCode, int parcelsPerDay) {
}
