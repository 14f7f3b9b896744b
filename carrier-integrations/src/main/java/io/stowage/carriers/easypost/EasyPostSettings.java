package io.stowage.carriers.easypost;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How to reach EasyPost for one merchant's account.
 *
 * @param baseUri        {@code https://api.easypost.com/v2/} in production; tests point it at a local server
 * @param apiKey         the account's test or production API key, sent as the Basic-auth user name
 * @param requestTimeout the most one HTTP exchange may take
 * @param maxAttempts    attempts per call, the first included, for timeouts, 429 and 5xx answers
 * @param firstBackoff   the wait before the second attempt; it doubles for each further one
 * @param cutOff         when the warehouse's last collection leaves, used to date EasyPost's rates
 */
public record EasyPostSettings(URI baseUri, String apiKey, Duration connectTimeout, Duration requestTimeout,
                               int maxAttempts, Duration firstBackoff, LocalTime cutOff, ZoneId timeZone) {

    public static final URI PRODUCTION = URI.create("https://api.easypost.com/v2/");

    public EasyPostSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("an EasyPost API key is required");
        }
        if (maxAttempts < 1 || maxAttempts > 5) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 5, got " + maxAttempts);
        }
        baseUri = baseUri.toString().endsWith("/") ? baseUri : URI.create(baseUri + "/");
    }

    /** Production endpoint, 5 s to connect, 20 s per request, 3 attempts from 500 ms, 16:00 Riga cut-off. */
    public static EasyPostSettings production(String apiKey) {
        return new EasyPostSettings(PRODUCTION, apiKey, Duration.ofSeconds(5), Duration.ofSeconds(20), 3,
                Duration.ofMillis(500), LocalTime.of(16, 0), ZoneId.of("Europe/Riga"));
    }

    @Override
    public String toString() {
        // The key never goes into logs.
        return "EasyPostSettings[baseUri=" + baseUri + ", maxAttempts=" + maxAttempts + ", requestTimeout=" + requestTimeout + "]";
    }
}
