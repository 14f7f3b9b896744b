package io.stowage.api.trackpage;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Per-client counters of one service instance, in fixed windows: cheap, and enough to stop one client
 * from scraping or hammering the public pages. They are not shared between instances (N instances
 * let a client send N times as much); the limit that guards a secret (wrong answers per order) is
 * kept in the database instead, see {@link UnlockFailures}.
 */
@Component
class ClientRateLimits {

    /** Above this many tracked clients, windows that have ended are swept out before adding another. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Window(long startMillis, long lengthMillis, int count) {

        boolean endedBy(long now) {
            return now - startMillis >= lengthMillis;
        }
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    ClientRateLimits() {
        this(Clock.systemUTC());
    }

    ClientRateLimits(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts one request of {@code client} against the limit named {@code limit}.
     *
     * @return zero when it is allowed, else how long until the client's window ends
     */
    Duration take(String limit, String client, int allowed, Duration window) {
        long now = clock.millis();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> w.endedBy(now));
        }
        Window counted = windows.compute(limit + " " + client, (key, current) ->
                current == null || current.endedBy(now) ? new Window(now, window.toMillis(), 1)
                        : new Window(current.startMillis(), current.lengthMillis(), current.count() + 1));
        if (counted.count() <= allowed) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.max(1000, window.toMillis() - (now - counted.startMillis())));
    }
}
