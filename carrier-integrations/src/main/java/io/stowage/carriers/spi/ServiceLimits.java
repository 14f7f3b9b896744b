package io.stowage.carriers.spi;

import java.util.Optional;
import java.util.Set;

/**
 * What a service accepts: weight, box size (sides compared longest first), length plus girth,
 * destination countries and whether it delivers to post-office boxes.
 */
public record ServiceLimits(int maxWeightGrams, Dimensions maxDimensions, int maxLengthPlusGirthMm,
                            Set<String> countries, boolean acceptsPoBox) {

    public ServiceLimits {
        countries = Set.copyOf(countries);
    }

    /** Why the service cannot take this parcel to this address, or empty when it can. */
    public Optional<String> rejectionReason(Parcel parcel, Address destination) {
        if (!countries.contains(destination.country())) {
            return Optional.of("does not deliver to " + destination.country());
        }
        if (parcel.weightGrams() > maxWeightGrams) {
            return Optional.of("weight " + parcel.weightGrams() + " g is over the limit of " + maxWeightGrams + " g");
        }
        if (!parcel.dimensions().fitsWithin(maxDimensions)) {
            return Optional.of("size " + parcel.dimensions() + " does not fit within " + maxDimensions);
        }
        if (maxLengthPlusGirthMm > 0 && parcel.dimensions().lengthPlusGirthMm() > maxLengthPlusGirthMm) {
            return Optional.of("length plus girth " + parcel.dimensions().lengthPlusGirthMm()
                    + " mm is over the limit of " + maxLengthPlusGirthMm + " mm");
        }
        if (!acceptsPoBox && destination.isPoBox()) {
            return Optional.of("does not deliver to post-office boxes");
        }
        return Optional.empty();
    }

    /** True when only size or weight, not the destination, stops this parcel. */
    public boolean exceededByParcel(Parcel parcel) {
        return parcel.weightGrams() > maxWeightGrams
                || !parcel.dimensions().fitsWithin(maxDimensions)
                || (maxLengthPlusGirthMm > 0 && parcel.dimensions().lengthPlusGirthMm() > maxLengthPlusGirthMm);
    }
}
