package io.stowage.api.webhooks;

import io.stowage.api.Published;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the first retry after {@code first}, then twice as long each
 * time up to {@code max}. The jitter (plus or minus a fifth) spreads the retries of many deliveries
 * that failed together, so a recovering receiver is not hit by all of them in the same second.
 */
@Published
public record Backoff(Duration first, Duration max) {

    /** The wait after the given failed attempt (1 for the first attempt). */
    public Duration afterAttempt(int attempt) {
        long plain = first.toMillis();
        for (int i = 1; i < attempt && plain < max.toMillis(); i++) {
            plain *= 2;
        }
        plain = Math.min(plain, max.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.round(plain * jitter));
    }
}
