package io.stowage.api.commands;

import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.util.Set;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * PostgreSQL aborts one of two transactions that deadlock (40P01) or that cannot be serialized
 * (40001), and a command that decided on an unlocked read fails with {@link RetryableConflict} when
 * that read no longer holds; either is safe to run again from the start, in a new transaction. The waits
 * grow and are jittered, so that the two do not collide again in step, and are bounded. The
 * background loops that allocate stock (backorders, lot shortfalls) retry their transactions with
 * the same policy.
 */
public final class CommandRetry {

    static final int ATTEMPTS = 5;
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    private CommandRetry() {
    }

    /** Up to {@link #ATTEMPTS} more runs, 10 ms doubling to at most 250 ms, each wait jittered by half. */
    public static RetryBackoffSpec onConflict() {
        return Retry.backoff(ATTEMPTS, Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(250))
                .jitter(0.5)
                .filter(CommandRetry::retryable)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    /** A deadlock, a serialization failure or a {@link RetryableConflict}, however the driver or Spring wrapped it. */
    public static boolean retryable(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof RetryableConflict || e instanceof R2dbcException r2dbc && RETRYABLE.contains(r2dbc.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
