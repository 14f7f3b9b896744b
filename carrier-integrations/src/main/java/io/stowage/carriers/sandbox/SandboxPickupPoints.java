package io.stowage.carriers.sandbox;

import io.stowage.carriers.tracking.OpeningHours;
import io.stowage.carriers.tracking.PickupPoint;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's pickup network, so that a parcel waiting to be collected names a place as a real
 * carrier's scan does: a parcel sent to a pickup point goes to a parcel locker, open day and night; a
 * door delivery nobody was home for goes to the post office, open on weekdays and Saturday mornings
 * (as Omniva, DPD or Posti do). The demo's cities have their own points; any other city gets points
 * named after it.
 */
final class SandboxPickupPoints {

    /** How long a point keeps a parcel before it goes back, as most parcel-locker networks do. */
    static final int HOLD_DAYS = 7;

    private static final OpeningHours POST_OFFICE_HOURS = OpeningHours.weekly(Map.of(
            DayOfWeek.MONDAY, List.of(OpeningHours.Period.of("08:00", "19:00")),
            DayOfWeek.TUESDAY, List.of(OpeningHours.Period.of("08:00", "19:00")),
            DayOfWeek.WEDNESDAY, List.of(OpeningHours.Period.of("08:00", "19:00")),
            DayOfWeek.THURSDAY, List.of(OpeningHours.Period.of("08:00", "19:00")),
            DayOfWeek.FRIDAY, List.of(OpeningHours.Period.of("08:00", "19:00")),
            DayOfWeek.SATURDAY, List.of(OpeningHours.Period.of("09:00", "15:00"))));

    private record Place(String city, String country, String lockerName, String lockerStreet, String lockerPostalCode,
                         String officeName, String officeStreet, String officePostalCode) {
    }

    private static final Map<String, Place> PLACES = Map.of(
            "vilnius", new Place("Vilnius", "LT", "Sandbox paštomatas Akropolis", "Ozo g. 25", "LT-08200",
                    "Sandbox Vilniaus centrinis paštas", "Gedimino pr. 7", "LT-01103"),
            "kaunas", new Place("Kaunas", "LT", "Sandbox paštomatas Savanorių", "Savanorių pr. 255", "LT-50179",
                    "Sandbox Kauno centrinis paštas", "Laisvės al. 102", "LT-44001"),
            "riga", new Place("Rīga", "LV", "Sandbox pakomāts Origo", "Stacijas laukums 2", "LV-1050",
                    "Sandbox Rīgas centrālā pasta nodaļa", "Brīvības bulvāris 19", "LV-1010"),
            "ljubljana", new Place("Ljubljana", "SI", "Sandbox paketomat BTC", "Šmartinska cesta 152", "1000",
                    "Sandbox pošta Ljubljana 1", "Slovenska cesta 32", "1000"),
            "kyiv", new Place("Київ", "UA", "Sandbox поштомат Хрещатик", "вул. Хрещатик, 22", "01001",
                    "Sandbox відділення № 1", "вул. Хрещатик, 24", "01001"),
            "київ", new Place("Київ", "UA", "Sandbox поштомат Хрещатик", "вул. Хрещатик, 22", "01001",
                    "Sandbox відділення № 1", "вул. Хрещатик, 24", "01001"));

    private SandboxPickupPoints() {
    }

    /** The parcel locker of the city, open always; the parcel is kept {@link #HOLD_DAYS} from {@code arrived}. */
    static PickupPoint locker(String city, LocalDate arrived) {
        Optional<Place> place = place(city);
        String id = "SBXL-" + slug(city);
        return place.map(known -> point(id, known.lockerName(), known.lockerStreet(), known.lockerPostalCode(), known, OpeningHours.always(), arrived))
                .orElseGet(() -> new PickupPoint(id, "Sandbox parcel locker " + city + " Central", List.of("Station Square 1"), "", city, "",
                        Optional.of(OpeningHours.always()), Optional.of(arrived.plusDays(HOLD_DAYS))));
    }

    /** The city's post office, open on weekdays and Saturday mornings. */
    static PickupPoint postOffice(String city, LocalDate arrived) {
        Optional<Place> place = place(city);
        String id = "SBXP-" + slug(city);
        return place.map(known -> point(id, known.officeName(), known.officeStreet(), known.officePostalCode(), known, POST_OFFICE_HOURS, arrived))
                .orElseGet(() -> new PickupPoint(id, "Sandbox post office " + city, List.of("Main Street 1"), "", city, "",
                        Optional.of(POST_OFFICE_HOURS), Optional.of(arrived.plusDays(HOLD_DAYS))));
    }

    private static PickupPoint point(String id, String name, String street, String postalCode, Place place, OpeningHours hours,
                                     LocalDate arrived) {
        return new PickupPoint(id, name, List.of(street), postalCode, place.city(), place.country(), Optional.of(hours),
                Optional.of(arrived.plusDays(HOLD_DAYS)));
    }

    private static Optional<Place> place(String city) {
        return Optional.ofNullable(PLACES.get(slug(city)));
    }

    /** "Rīga" and "riga" alike: lower case without accents. */
    private static String slug(String city) {
        String plain = Normalizer.normalize(city == null ? "" : city.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT);
    }
}
