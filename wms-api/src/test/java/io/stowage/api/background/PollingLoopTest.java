package io.stowage.api.background;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.Eventually;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * An idle loop waits two, then four intervals between rounds; a round that finds work brings it back
 * to one. A stop lets the pass under way finish and starts no other.
 */
class PollingLoopTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final Deque<Mono<Integer>> passes = new ConcurrentLinkedDeque<>();
    private final AtomicInteger passesRun = new AtomicInteger();

    private final PollingLoop loop = new PollingLoop("test", true, INTERVAL, Duration.ofSeconds(30), () -> {
        passesRun.incrementAndGet();
        return passes.isEmpty() ? Mono.just(0) : passes.poll();
    });

    @AfterEach
    void stopLoop() {
        loop.stop();
    }

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
        passesRun.set(0);
        passes.add(Mono.just(5));
        passes.add(Mono.just(2));

        loop.drain().block();

        assertThat(passesRun.get()).as("two passes with work, a third that found none").isEqualTo(3);
        assertThat(loop.nextWait()).isEqualTo(INTERVAL);
    }

    @Test
    void aFailedPassLeavesTheWaitAsItWas() {
        loop.drain().block();
        passes.add(Mono.error(new IllegalStateException("database unavailable")));

        loop.drain().block();

        assertThat(loop.nextWait()).isEqualTo(INTERVAL.multipliedBy(2));
    }

    @Test
    void aStopDuringAPassWaitsForItAndStartsNoOtherThoughWorkIsLeft() throws InterruptedException {
        Sinks.One<Integer> inFlight = Sinks.one();
        passes.add(inFlight.asMono());
        loop.start();
        Eventually.await(() -> passesRun.get() == 1);
        CountDownLatch stopped = new CountDownLatch(1);

        loop.stop(stopped::countDown);

        Eventually.throughout(Duration.ofMillis(300), () -> stopped.getCount() == 1 && loop.isRunning());
        inFlight.tryEmitValue(7);
        assertThat(stopped.await(10, TimeUnit.SECONDS)).as("stopped once the pass finished").isTrue();
        assertThat(loop.isRunning()).isFalse();
        assertThat(passesRun.get()).as("the pass found work, but no other started after the stop").isEqualTo(1);
    }

    @Test
    void aStopWhileWaitingEndsTheLoopAtOnce() throws InterruptedException {
        PollingLoop hourly = new PollingLoop("hourly", true, Duration.ofHours(1), Duration.ofSeconds(30), () -> {
            passesRun.incrementAndGet();
            return Mono.just(0);
        });
        hourly.start();
        CountDownLatch stopped = new CountDownLatch(1);

        hourly.stop(stopped::countDown);

        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(hourly.isRunning()).isFalse();
        assertThat(passesRun.get()).isZero();
    }

    @Test
    void aPassStillRunningWhenTheGraceRunsOutIsCancelled() throws InterruptedException {
        AtomicInteger cancelled = new AtomicInteger();
        PollingLoop hurried = new PollingLoop("hurried", true, INTERVAL, Duration.ofMillis(200), () -> {
            // Counted once subscribed: the loop's thread may call this before it subscribes.
            return Mono.<Integer>never().doOnSubscribe(subscription -> passesRun.incrementAndGet()).doOnCancel(cancelled::incrementAndGet);
        });
        hurried.start();
        Eventually.await(() -> passesRun.get() == 1);
        CountDownLatch stopped = new CountDownLatch(1);

        hurried.stop(stopped::countDown);

        assertThat(stopped.await(10, TimeUnit.SECONDS)).as("stopped once the grace ran out").isTrue();
        Eventually.await(() -> cancelled.get() == 1);
        assertThat(hurried.isRunning()).isFalse();
    }

    @Test
    void withNoGraceAStopCancelsThePassAtOnceAsAKilledProcessWould() throws InterruptedException {
        AtomicInteger cancelled = new AtomicInteger();
        PollingLoop killed = new PollingLoop("killed", true, INTERVAL, Duration.ZERO, () -> {
            // Counted once subscribed: the loop's thread may call this before it subscribes.
            return Mono.<Integer>never().doOnSubscribe(subscription -> passesRun.incrementAndGet()).doOnCancel(cancelled::incrementAndGet);
        });
        killed.start();
        Eventually.await(() -> passesRun.get() == 1);
        CountDownLatch stopped = new CountDownLatch(1);

        killed.stop(stopped::countDown);

        assertThat(stopped.getCount()).as("stopped at once").isZero();
        Eventually.await(() -> cancelled.get() == 1);
    }

    @Test
    void aStoppedLoopStartsAgain() throws InterruptedException {
        loop.start();
        CountDownLatch stopped = new CountDownLatch(1);
        loop.stop(stopped::countDown);
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        int before = passesRun.get();

        loop.start();

        Eventually.await(() -> passesRun.get() > before);
        assertThat(loop.isRunning()).isTrue();
    }
}
