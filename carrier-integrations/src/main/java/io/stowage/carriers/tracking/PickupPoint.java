package io.stowage.carriers.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a parcel waits to be collected (a parcel locker, a post office, a parcel shop), as a carrier
 * tells it with the scan that puts the parcel there: the shape parcel-locker carriers and aggregators
 * share (Omniva, DPD Pickup, Posti, InPost, Sendcloud's and ShipEngine's service points): the point's
 * own id and name, its postal address, its opening hours, and until when the parcel is kept there.
 * Every text is empty when the carrier did not give it (EasyPost, for instance, gives only a city and
 * postal code, see its adapter).
 *
 * @param id           the carrier's id of the point (a locker's code), or empty
 * @param name         the point's name as the carrier writes it ("Omniva paštomatas Akropolis"), or empty
 * @param addressLines the street address, first line first; empty when not given
 * @param country      ISO 3166-1 alpha-2, or empty
 * @param openingHours when it is open, when the carrier said
 * @param collectBy    the last day the parcel waits there before it goes back, when the carrier said
 */
public record PickupPoint(String id, String name, List<String> addressLines, String postalCode, String city, String country,
                          Optional<OpeningHours> openingHours, Optional<LocalDate> collectBy) {

    public PickupPoint {
        id = Objects.requireNonNullElse(id, "").strip();
        name = Objects.requireNonNullElse(name, "").strip();
        addressLines = Objects.requireNonNullElse(addressLines, List.<String>of()).stream()
                .filter(Objects::nonNull).map(String::strip).filter(line -> !line.isEmpty()).toList();
        postalCode = Objects.requireNonNullElse(postalCode, "").strip();
        city = Objects.requireNonNullElse(city, "").strip();
        country = Objects.requireNonNullElse(country, "").strip();
        Objects.requireNonNull(openingHours, "openingHours");
        Objects.requireNonNull(collectBy, "collectBy");
    }

    /**
     * The address on one line, as the countries of the customer pages write it: the street lines, then
     * the postal code and the city ("Ozo g. 25, LT-08200 Vilnius"); empty when none of it is known.
     */
    public String addressLine() {
        List<String> parts = new ArrayList<>(addressLines);
        String place = (postalCode + " " + city).strip();
        if (!place.isEmpty()) {
            parts.add(place);
        }
        return String.join(", ", parts);
    }
}
