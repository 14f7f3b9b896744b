package io.stowage.carriers.spi;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A postal address. The country is an ISO 3166-1 alpha-2 code; optional parts are empty strings,
 * never null, so mappers never have to guard against missing text.
 *
 * @param state the state, province or territory where the country has them, as its post writes it
 *              ("NY", "ON", "NSW"); empty elsewhere
 */
public record Address(String name, String company, String street1, String street2, String city, String state,
                      String postalCode, String country, String phone, String email) {

    /** Countries whose addresses are not deliverable without their state or province. */
    private static final Set<String> STATE_REQUIRED = Set.of("US", "CA", "AU");

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    // Post-office boxes in English and in the demo region's languages (LV, LT, EE, UA, SI).
    private static final Pattern PO_BOX = Pattern.compile(
            "(?iu)\\b(p\\.?\\s?o\\.?\\s?box|post\\s+office\\s+box|pasta\\s+kastīte|abonentinė\\s+dėžutė|postkast|а/с|абонентська\\s+скриня|poštni\\s+predal|p\\.\\s?p\\.)");

    public Address {
        name = Objects.requireNonNullElse(name, "");
        company = Objects.requireNonNullElse(company, "");
        street1 = Objects.requireNonNullElse(street1, "");
        street2 = Objects.requireNonNullElse(street2, "");
        city = Objects.requireNonNullElse(city, "");
        state = Objects.requireNonNullElse(state, "").trim();
        postalCode = Objects.requireNonNullElse(postalCode, "").trim();
        country = Objects.requireNonNullElse(country, "").trim().toUpperCase(Locale.ROOT);
        phone = Objects.requireNonNullElse(phone, "");
        email = Objects.requireNonNullElse(email, "");
    }

    /** An address in a country without states. */
    public Address(String name, String company, String street1, String street2, String city,
                   String postalCode, String country, String phone, String email) {
        this(name, company, street1, street2, city, "", postalCode, country, phone, email);
    }

    /** A short form for tests and demos: name, street, city, postal code, country. */
    public static Address of(String name, String street, String city, String postalCode, String country) {
        return new Address(name, "", street, "", city, "", postalCode, country, "", "");
    }

    /** True when the country's addresses need a state (US, CA, AU) and this one has none. */
    public boolean lacksRequiredState() {
        return state.isEmpty() && STATE_REQUIRED.contains(country);
    }

    /** True when the country is an assigned ISO 3166-1 alpha-2 code. */
    public boolean hasKnownCountry() {
        return ISO_COUNTRIES.contains(country);
    }

    public boolean isPoBox() {
        return PO_BOX.matcher(street1).find() || PO_BOX.matcher(street2).find();
    }
}
