package io.stowage.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one bounded wait of the tests, for what background loops do: a test fails on a wrong answer,
 * not on a slow machine, and never sleeps a fixed time hoping the work is done.
 */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    private Eventually() {
    }

    public static void await(BooleanSupplier condition) {
        await(PATIENCE, condition);
    }

    public static void await(Duration patience, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition still false after %s", patience).isBefore(deadline);
            pause();
        }
    }

    /** Reads until what was read is done, and returns it; fails showing the last value read. */
    public static <T> T until(Supplier<T> read, Predicate<? super T> done) {
        AtomicReference<T> last = new AtomicReference<>(read.get());
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!done.test(last.get())) {
            assertThat(Instant.now()).as("still not done after %s; last read %s", PATIENCE, last.get()).isBefore(deadline);
            pause();
            last.set(read.get());
        }
        return last.get();
    }

    /** Checks that the condition stays true for the whole span, as often as it waits for anything. */
    public static void throughout(Duration span, BooleanSupplier condition) {
        Instant end = Instant.now().plus(span);
        do {
            assertThat(condition.getAsBoolean()).as("condition became false within %s", span).isTrue();
            pause();
        } while (Instant.now().isBefore(end));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
