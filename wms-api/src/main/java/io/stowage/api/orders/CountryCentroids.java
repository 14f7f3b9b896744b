package io.stowage.api.orders;

import java.util.Map;
import java.util.Optional;

/**
 * Where to route from when an address has no coordinates. Geocoding postal codes needs a service
 * the installation may not reach, so the fallback is the population-weighted centre of the
 * customer's country for the countries the network serves; an address elsewhere must carry
 * coordinates. Nearest-node ranking only needs to be right at the scale of a country.
 */
public final class CountryCentroids {

    /** A point in degrees. */
    public record Point(double latitude, double longitude) {
    }

    private static final Map<String, Point> CENTRES = Map.ofEntries(
            Map.entry("LT", new Point(55.0, 24.3)),
            Map.entry("LV", new Point(56.9, 24.4)),
            Map.entry("EE", new Point(58.9, 25.3)),
            Map.entry("FI", new Point(61.5, 25.0)),
            Map.entry("PL", new Point(52.0, 19.5)),
            Map.entry("DE", new Point(51.0, 9.7)),
            Map.entry("UA", new Point(49.2, 31.0)),
            Map.entry("SI", new Point(46.1, 14.8)),
            Map.entry("SE", new Point(59.3, 16.0)),
            Map.entry("CZ", new Point(49.8, 15.5)),
            Map.entry("SK", new Point(48.7, 19.5)),
            Map.entry("AT", new Point(47.6, 14.1)),
            Map.entry("HR", new Point(45.5, 16.0)));

    private CountryCentroids() {
    }

    public static Optional<Point> of(String country) {
        return Optional.ofNullable(CENTRES.get(country));
    }
}
