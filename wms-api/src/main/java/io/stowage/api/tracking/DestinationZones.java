package io.stowage.api.tracking;

import io.stowage.api.Published;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/**
 * The time zone of a parcel's destination country, for the days a customer lives by: the day an ETA
 * names, "today" when a parcel is checked for lateness, the day a notice dates its news, the local
 * times of the tracking page. Countries of one zone (or, for Spain and Portugal, of one zone for nearly
 * everyone) are listed; any other country (several zones, as the United States, or not listed) gets UTC,
 * which the tracking page names beside its times.
 */
@Published
public final class DestinationZones {

    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            zone("AT", "Europe/Vienna"), zone("BE", "Europe/Brussels"), zone("BG", "Europe/Sofia"),
            zone("CH", "Europe/Zurich"), zone("CY", "Asia/Nicosia"), zone("CZ", "Europe/Prague"),
            zone("DE", "Europe/Berlin"), zone("DK", "Europe/Copenhagen"), zone("EE", "Europe/Tallinn"),
            zone("ES", "Europe/Madrid"), zone("FI", "Europe/Helsinki"), zone("FR", "Europe/Paris"),
            zone("GB", "Europe/London"), zone("GR", "Europe/Athens"), zone("HR", "Europe/Zagreb"),
            zone("HU", "Europe/Budapest"), zone("IE", "Europe/Dublin"), zone("IS", "Atlantic/Reykjavik"),
            zone("IT", "Europe/Rome"), zone("LI", "Europe/Vaduz"), zone("LT", "Europe/Vilnius"),
            zone("LU", "Europe/Luxembourg"), zone("LV", "Europe/Riga"), zone("MD", "Europe/Chisinau"),
            zone("MT", "Europe/Malta"), zone("NL", "Europe/Amsterdam"), zone("NO", "Europe/Oslo"),
            zone("PL", "Europe/Warsaw"), zone("PT", "Europe/Lisbon"), zone("RO", "Europe/Bucharest"),
            zone("RS", "Europe/Belgrade"), zone("SE", "Europe/Stockholm"), zone("SI", "Europe/Ljubljana"),
            zone("SK", "Europe/Bratislava"), zone("UA", "Europe/Kyiv"), zone("AD", "Europe/Andorra"),
            zone("AL", "Europe/Tirane"), zone("BA", "Europe/Sarajevo"), zone("BY", "Europe/Minsk"),
            zone("MC", "Europe/Monaco"), zone("ME", "Europe/Podgorica"), zone("MK", "Europe/Skopje"),
            zone("SM", "Europe/San_Marino"), zone("TR", "Europe/Istanbul"), zone("GE", "Asia/Tbilisi"),
            zone("AM", "Asia/Yerevan"), zone("IL", "Asia/Jerusalem"), zone("AE", "Asia/Dubai"),
            zone("IN", "Asia/Kolkata"), zone("TH", "Asia/Bangkok"), zone("VN", "Asia/Ho_Chi_Minh"),
            zone("SG", "Asia/Singapore"), zone("PH", "Asia/Manila"), zone("CN", "Asia/Shanghai"),
            zone("HK", "Asia/Hong_Kong"), zone("TW", "Asia/Taipei"), zone("KR", "Asia/Seoul"),
            zone("JP", "Asia/Tokyo"), zone("ZA", "Africa/Johannesburg"), zone("AR", "America/Argentina/Buenos_Aires"),
            zone("UY", "America/Montevideo"), zone("CO", "America/Bogota"), zone("PE", "America/Lima"),
            zone("PA", "America/Panama"), zone("CR", "America/Costa_Rica"), zone("GT", "America/Guatemala"),
            zone("DO", "America/Santo_Domingo"), zone("PR", "America/Puerto_Rico"), zone("JM", "America/Jamaica"));

    private DestinationZones() {
    }

    /** The zone of an ISO 3166-1 alpha-2 country (any case); UTC for a country not listed or none. */
    public static ZoneId of(String country) {
        return country == null ? ZoneOffset.UTC : ZONES.getOrDefault(country.toUpperCase(Locale.ROOT), ZoneOffset.UTC);
    }

    /** The zone's name for a customer who reads that language ("Eastern European Time"), or "UTC". */
    public static String nameOf(ZoneId zone, Locale locale) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getDisplayName(TextStyle.FULL, locale);
    }

    /** The day it is at the destination at that instant. */
    public static LocalDate dayAt(String country, Instant at) {
        return LocalDate.ofInstant(at, of(country));
    }

    private static Map.Entry<String, ZoneId> zone(String country, String zone) {
        return Map.entry(country, ZoneId.of(zone));
    }
}
