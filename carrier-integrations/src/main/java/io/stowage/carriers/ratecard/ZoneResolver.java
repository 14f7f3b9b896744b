package io.stowage.carriers.ratecard;

import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.UnknownDestinationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds a destination's zone on one rate card by country and the longest matching postal prefix,
 * after checking the postal code against the country's format.
 */
final class ZoneResolver {

    private record Rule(String country, String prefix, String zone) {
    }

    private final String carrierName;
    private final Map<String, Pattern> postalFormats;
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, List<String>> remoteAreas;

    ZoneResolver(RateCard card) {
        this.carrierName = card.name();
        this.postalFormats = card.postalCodes().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Pattern.compile(entry.getValue())));
        for (RateCard.Zone zone : card.zones()) {
            for (RateCard.Destination destination : zone.destinations()) {
                List<String> prefixes = destination.postalPrefixes() == null || destination.postalPrefixes().isEmpty()
                        ? List.of("") : destination.postalPrefixes();
                prefixes.forEach(prefix -> rules.add(new Rule(destination.country(), prefix, zone.code())));
            }
        }
        this.remoteAreas = card.remoteAreas() == null ? Map.of() : Map.copyOf(card.remoteAreas());
    }

    /** The zone code, or empty when this carrier does not go to that country. */
    Optional<String> zoneFor(Address destination) {
        String country = destination.country();
        Pattern format = postalFormats.get(country);
        if (format == null) {
            return Optional.empty();
        }
        String postalCode = destination.postalCode().toUpperCase(Locale.ROOT);
        if (!format.matcher(postalCode).matches()) {
            throw new UnknownDestinationException("postal code '" + destination.postalCode() + "' is not a valid "
                    + country + " postal code (" + carrierName + " expects " + format.pattern() + ")");
        }
        String digits = normalise(country, postalCode);
        return rules.stream()
                .filter(rule -> rule.country().equals(country) && digits.startsWith(rule.prefix()))
                .max((a, b) -> Integer.compare(a.prefix().length(), b.prefix().length()))
                .map(Rule::zone);
    }

    boolean isRemote(Address destination) {
        String digits = normalise(destination.country(), destination.postalCode().toUpperCase(Locale.ROOT));
        return remoteAreas.getOrDefault(destination.country(), List.of()).stream().anyMatch(digits::startsWith);
    }

    /** "LV-1050" and "LV 1050" both become "1050": prefixes in the card are written without the country. */
    static String normalise(String country, String postalCode) {
        String withoutCountry = postalCode.startsWith(country) ? postalCode.substring(country.length()) : postalCode;
        return withoutCountry.replaceAll("[\\s-]", "");
    }
}
