package io.stowage.api.trackpage;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * The time zone the tracking page gives local times in: the destination country's, since the page
 * runs no script and cannot ask the browser, and the customer is usually where the parcel goes.
 * Countries of one zone are listed; any other country (several zones, or not listed) gets UTC, which
 * the page names beside the times.
 */
final class DestinationTimeZones {

    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("AT", "Europe/Vienna"), Map.entry("BE", "Europe/Brussels"), Map.entry("BG", "Europe/Sofia"),
            Map.entry("CH", "Europe/Zurich"), Map.entry("CY", "Asia/Nicosia"), Map.entry("CZ", "Europe/Prague"),
            Map.entry("DE", "Europe/Berlin"), Map.entry("DK", "Europe/Copenhagen"), Map.entry("EE", "Europe/Tallinn"),
            Map.entry("ES", "Europe/Madrid"), Map.entry("FI", "Europe/Helsinki"), Map.entry("FR", "Europe/Paris"),
            Map.entry("GB", "Europe/London"), Map.entry("GR", "Europe/Athens"), Map.entry("HR", "Europe/Zagreb"),
            Map.entry("HU", "Europe/Budapest"), Map.entry("IE", "Europe/Dublin"), Map.entry("IS", "Atlantic/Reykjavik"),
            Map.entry("IT", "Europe/Rome"), Map.entry("LI", "Europe/Vaduz"), Map.entry("LT", "Europe/Vilnius"),
            Map.entry("LU", "Europe/Luxembourg"), Map.entry("LV", "Europe/Riga"), Map.entry("MD", "Europe/Chisinau"),
            Map.entry("MT", "Europe/Malta"), Map.entry("NL", "Europe/Amsterdam"), Map.entry("NO", "Europe/Oslo"),
            Map.entry("PL", "Europe/Warsaw"), Map.entry("PT", "Europe/Lisbon"), Map.entry("RO", "Europe/Bucharest"),
            Map.entry("RS", "Europe/Belgrade"), Map.entry("SE", "Europe/Stockholm"), Map.entry("SI", "Europe/Ljubljana"),
            Map.entry("SK", "Europe/Bratislava"), Map.entry("UA", "Europe/Kyiv"));

    private DestinationTimeZones() {
    }

    static ZoneId of(String country) {
        String zone = country == null ? null : ZONES.get(country.toUpperCase(Locale.ROOT));
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    }
}
