package io.stowage.api.tracking;

import java.util.Locale;
import java.util.UUID;

/**
 * A carrier's service from one node to one postal area: the unit whose delivery history makes
 * Stowage's own ETA. The postal prefix is the first few characters of the postal code, letters and
 * digits only, upper case (LT-01103 and 01103 are the same area).
 */
record Lane(String carrierCode, String serviceCode, UUID nodeId, String country, String postalPrefix) {

    static String postalPrefix(String postalCode, int length) {
        String cleaned = postalCode == null ? "" : postalCode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return cleaned.length() <= length ? cleaned : cleaned.substring(0, length);
    }
}
