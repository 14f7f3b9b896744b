package io.stowage.carriers.customs;

import io.stowage.carriers.spi.Address;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a parcel crosses a customs border and so needs a {@link CustomsDeclaration}. Goods move
 * without declarations only inside the European Union's customs and VAT territory; a parcel leaving
 * it (or entering it, or going between two other countries) needs one. The territory is the member
 * states and Monaco, less the parts outside the customs or VAT territory that share a member state's
 * country code, recognised by postal code: the Canary Islands, Ceuta and Melilla (ES 35, 38, 51,
 * 52), Heligoland and Büsingen (DE 27498, 78266), Livigno and Campione d'Italia (IT 23041, 22061),
 * Åland (FI 22) and Mount Athos (GR 63086). Overseas territories with their own ISO code (RE, GP,
 * AX, ...) are outside by their code.
 */
public final class CustomsBorder {

    private static final Set<String> INSIDE = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "MC");
    private static final Map<String, List<String>> OUTSIDE_BY_POSTAL_PREFIX = Map.of(
            "ES", List.of("35", "38", "51", "52"),
            "DE", List.of("27498", "78266"),
            "IT", List.of("23041", "22061"),
            "FI", List.of("22"),
            "GR", List.of("63086"));

    private CustomsBorder() {
    }

    /** True when a parcel from one address to the other must carry a customs declaration. */
    public static boolean requiresDeclaration(Address from, Address to) {
        boolean fromInside = insideTheUnion(from);
        boolean toInside = insideTheUnion(to);
        if (fromInside && toInside) {
            return false;
        }
        if (fromInside != toInside) {
            return true;
        }
        return !from.country().equals(to.country());
    }

    /** True when the address lies where goods circulate freely within the European Union. */
    public static boolean insideTheUnion(Address address) {
        if (!INSIDE.contains(address.country())) {
            return false;
        }
        // "ES-35001", "FI 22100": the country prefix and spaces are not part of the number.
        String postalCode = address.postalCode().replaceFirst("^[A-Za-z]{1,3}-", "").replaceAll("[\\s-]", "");
        return OUTSIDE_BY_POSTAL_PREFIX.getOrDefault(address.country(), List.of()).stream().noneMatch(postalCode::startsWith);
    }
}
