package io.stowage.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class RecentReadsTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private final RecentReads<String, Integer> reads = new RecentReads<>(Duration.ofSeconds(5), clock);
    private final AtomicInteger database = new AtomicInteger(1);
    private final AtomicInteger readsMade = new AtomicInteger();

    private Integer read() {
        return reads.get("key", () -> Mono.fromSupplier(() -> {
            readsMade.incrementAndGet();
            return database.get();
        })).block();
    }

    @Test
    void aReadIsKeptForItsMaxAgeAndThenReadAgain() {
        assertThat(read()).isEqualTo(1);
        database.set(2);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(read()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(read()).isEqualTo(2);
        assertThat(readsMade).hasValue(2);
    }

    @Test
    void aForgottenKeyIsReadAgainAtOnce() {
        assertThat(read()).isEqualTo(1);
        database.set(2);
        reads.forget("key");
        assertThat(read()).isEqualTo(2);
        database.set(3);
        reads.forgetAll();
        assertThat(read()).isEqualTo(3);
    }

    @Test
    void aReadInFlightWhenTheKeyIsForgottenKeepsNothing() {
        Sinks.One<Integer> slowRead = Sinks.one();
        Integer[] answered = new Integer[1];
        reads.get("key", slowRead::asMono).subscribe(value -> answered[0] = value);
        reads.forget("key");
        slowRead.tryEmitValue(1);
        assertThat(answered[0]).isEqualTo(1);

        database.set(2);
        assertThat(read()).isEqualTo(2);
    }

    @Test
    void emptyAndFailedReadsAreNotKept() {
        assertThat(reads.get("key", Mono::empty).blockOptional()).isEmpty();
        assertThat(reads.get("key", () -> Mono.error(new IllegalStateException("down"))).onErrorReturn(-1).block()).isEqualTo(-1);
        assertThat(read()).isEqualTo(1);
        assertThat(readsMade).hasValue(1);
    }
}
