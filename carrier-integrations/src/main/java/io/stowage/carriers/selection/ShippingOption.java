package io.stowage.carriers.selection;

import io.stowage.carriers.spi.RateQuote;

import java.time.LocalDate;

/**
 * One way to ship one parcel: a quote, reduced to what the day planner weighs. It keeps the quote
 * so the chosen option can be bought as it was priced.
 */
public record ShippingOption(RateQuote quote) {

    public String carrierCode() {
        return quote.carrierCode();
    }

    public long costMinor() {
        return quote.total().minorUnits();
    }

    public int co2Grams() {
        return quote.service().co2GramsPerParcel();
    }

    public boolean arrivesBy(LocalDate promisedBy) {
        return !quote.estimatedDelivery().isAfter(promisedBy);
    }

    /** Price plus the soft penalties this parcel's demand puts on it, in minor units. */
    public long effectiveCost(ParcelDemand demand, SelectionPolicy policy) {
        long cost = costMinor();
        if (demand.prefersAnotherCarrierThan(carrierCode())) {
            cost += policy.nonPreferredCarrierPenalty();
        }
        if (demand.preference() == DeliveryPreference.ECO) {
            cost += co2Grams() * policy.co2PenaltyPerKg() / 1000;
        }
        return cost;
    }

    @Override
    public String toString() {
        return quote.service().qualifiedCode() + " " + quote.total() + " by " + quote.estimatedDelivery();
    }
}
