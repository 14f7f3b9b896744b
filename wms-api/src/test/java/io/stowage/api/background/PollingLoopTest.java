package io.stowage.api.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** An idle loop waits two, then four intervals between rounds; a round that finds work brings it back to one. */
class PollingLoopTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final Deque<Mono<Integer>> passes = new ArrayDeque<>();
    private int passesRun;

    private final PollingLoop loop = new PollingLoop("test", true, INTERVAL, () -> {
        passesRun++;
        return passes.isEmpty() ? Mono.just(0) : passes.poll();
    });

    @Test
    void quietRoundsLengthenTheWaitUpToFourIntervals() {
        assertThat(loop.nextWait()).isEqualTo(INTERVAL);
        List<Duration> waits = new java.util.ArrayList<>();
        for (int round = 0; round < 4; round++) {
            loop.drain().block();
            waits.add(loop.nextWait());
        }
        assertThat(waits).containsExactly(INTERVAL.multipliedBy(2), INTERVAL.multipliedBy(4), INTERVAL.multipliedBy(4),
                INTERVAL.multipliedBy(4));
    }

    @Test
    void aRoundThatFindsWorkPassesUntilNoneIsLeftAndWaitsOneIntervalAgain() {
        loop.drain().block();
        loop.drain().block();
        passesRun = 0;
        passes.add(Mono.just(5));
        passes.add(Mono.just(2));

        loop.drain().block();

        assertThat(passesRun).as("two passes with work, a third that found none").isEqualTo(3);
        assertThat(loop.nextWait()).isEqualTo(INTERVAL);
    }

    @Test
    void aFailedPassLeavesTheWaitAsItWas() {
        loop.drain().block();
        passes.add(Mono.error(new IllegalStateException("database unavailable")));

        loop.drain().block();

        assertThat(loop.nextWait()).isEqualTo(INTERVAL.multipliedBy(2));
    }
}
