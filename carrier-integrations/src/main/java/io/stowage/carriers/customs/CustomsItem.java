package io.stowage.carriers.customs;

import io.stowage.carriers.spi.Money;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of a customs declaration: one kind of goods in the parcel.
 *
 * @param value          the line's total value (unit value times quantity), as customs forms ask
 * @param weightGrams    the line's total net weight
 * @param hsTariffNumber the Harmonized System code, 6 to 10 digits, dots allowed ("6109.10.0012")
 * @param originCountry  ISO 3166-1 alpha-2 country where the goods were made
 * @param sku            the merchant's product code; empty when none
 */
public record CustomsItem(String description, int quantity, Money value, int weightGrams, String hsTariffNumber,
                          String originCountry, String sku) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern HS_CODE = Pattern.compile("\\d{6,10}");

    public CustomsItem {
        Objects.requireNonNull(value, "value");
        description = Objects.requireNonNullElse(description, "").strip();
        hsTariffNumber = Objects.requireNonNullElse(hsTariffNumber, "").strip();
        originCountry = Objects.requireNonNullElse(originCountry, "").strip().toUpperCase(Locale.ROOT);
        sku = Objects.requireNonNullElse(sku, "").strip();
        if (description.isEmpty()) {
            throw new IllegalArgumentException("a customs item needs a description of the goods");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("customs item '" + description + "': quantity must be positive, got " + quantity);
        }
        if (value.minorUnits() <= 0) {
            throw new IllegalArgumentException("customs item '" + description + "': value must be positive, got " + value);
        }
        if (weightGrams <= 0) {
            throw new IllegalArgumentException("customs item '" + description + "': weight must be positive, got " + weightGrams + " g");
        }
        if (!HS_CODE.matcher(hsTariffNumber.replace(".", "")).matches()) {
            throw new IllegalArgumentException("customs item '" + description + "': HS tariff number '" + hsTariffNumber
                    + "' must have 6 to 10 digits");
        }
        if (!ISO_COUNTRIES.contains(originCountry)) {
            throw new IllegalArgumentException("customs item '" + description + "': origin country '" + originCountry
                    + "' is not an ISO 3166-1 alpha-2 code");
        }
    }
}
