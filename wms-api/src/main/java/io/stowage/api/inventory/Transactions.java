package io.stowage.api.inventory;

import io.r2dbc.spi.R2dbcTransientResourceException;
import io.stowage.api.Published;
import java.time.Duration;
import org.springframework.dao.PessimisticLockingFailureException;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Stock commands touch several balance rows; two commands crossing each other can deadlock, and
 * PostgreSQL then aborts one of them. That one is safe to run again from the start.
 */
@Published
public final class Transactions {

    private Transactions() {
    }

    public static RetryBackoffSpec retryOnDeadlock() {
        return Retry.backoff(5, Duration.ofMillis(5))
                .filter(Transactions::deadlockOrSerialization)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    private static boolean deadlockOrSerialization(Throwable e) {
        return e instanceof PessimisticLockingFailureException || e instanceof R2dbcTransientResourceException
                || (e.getCause() != null && e.getCause() != e && deadlockOrSerialization(e.getCause()));
    }
}
