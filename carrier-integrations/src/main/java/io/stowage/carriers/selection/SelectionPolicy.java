package io.stowage.carriers.selection;

import java.util.Currency;
import java.util.Objects;

/**
 * How soft preferences weigh against price, in minor units of the currency being compared: what a
 * parcel on a carrier the merchant does not prefer costs extra, and what a kilogram of CO2 costs on
 * a parcel whose customer chose eco delivery.
 */
public record SelectionPolicy(Currency currency, long nonPreferredCarrierPenalty, long co2PenaltyPerKg) {

    public SelectionPolicy {
        Objects.requireNonNull(currency, "currency");
        if (nonPreferredCarrierPenalty < 0 || co2PenaltyPerKg < 0) {
            throw new IllegalArgumentException("penalties must not be negative");
        }
    }

    /** Half a euro for a non-preferred carrier, one euro per kilogram of CO2 for eco parcels. */
    public static SelectionPolicy defaultsFor(String currencyCode) {
        return new SelectionPolicy(Currency.getInstance(currencyCode), 50, 100);
    }
}
