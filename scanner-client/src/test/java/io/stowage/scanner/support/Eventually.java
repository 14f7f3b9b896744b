package io.stowage.scanner.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The one bounded wait of this module's tests, for what the client's and the SSH server's threads do: a test fails on a
 * wrong answer, not on a slow machine, and never sleeps a fixed time hoping they got somewhere.
 * The client cannot see wms-api's tests, so this is the same wait as wms-api's {@code support.Eventually}.
 */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(20);

    private Eventually() {
    }

    public static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition still false after %s", PATIENCE).isBefore(deadline);
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
