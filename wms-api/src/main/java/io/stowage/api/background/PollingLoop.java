package io.stowage.api.background;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Background work claimed from the database: after each interval one pass runs, and passes repeat
 * while they find work. A loop that keeps finding nothing waits longer, two and then four intervals,
 * until a pass finds work again: an idle service (and every idle instance of it) asks its database
 * a quarter as often, and work that arrives is taken within four intervals. Passes never overlap
 * within an instance; instances share the work through {@code FOR UPDATE SKIP LOCKED} in the passes
 * themselves.
 *
 * <p>Stopping lets a pass under way finish, for up to the stop grace, and starts no other. The pass
 * holds claims (a day plan's for minutes) that another instance would otherwise wait out the lease of,
 * so a rolling restart hands work over at once. A pass still running after the grace is cancelled
 * (its transaction rolls back; its claims wait out their leases), as with no grace at all.
 * {@link PollingLoops} makes the service's loops.
 */
public final class PollingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);
    /** The most quiet rounds counted: an idle loop waits at most 2^2 = 4 intervals. */
    private static final int SLOWEST = 2;

    private final String name;
    private final boolean enabled;
    private final Duration interval;
    private final Duration stopGrace;
    private final Supplier<Mono<Integer>> pass;
    /** Rounds in a row that found nothing, up to {@link #SLOWEST}: the wait is the interval times 2 to this power. */
    private final AtomicInteger quietRounds = new AtomicInteger();
    private volatile Disposable running;
    private volatile boolean stopRequested;
    /** Ends the wait between rounds when a stop is asked for. */
    private volatile Sinks.Empty<Void> stopSignal = Sinks.empty();
    /** What the stop's caller is told once the loop has ended; run once. */
    private final AtomicReference<Runnable> whenStopped = new AtomicReference<>();
    private volatile Disposable graceRunningOut = Disposables.disposed();

    /**
     * @param stopGrace how long a stop waits for the pass under way before it cancels it
     * @param pass      one round of work, answering how many items it handled
     */
    PollingLoop(String name, boolean enabled, Duration interval, Duration stopGrace, Supplier<Mono<Integer>> pass) {
        this.name = name;
        this.enabled = enabled;
        this.interval = interval;
        this.stopGrace = stopGrace;
        this.pass = pass;
    }

    @Override
    public void start() {
        if (!enabled || running != null) {
            return;
        }
        stopRequested = false;
        stopSignal = Sinks.empty();
        running = Mono.defer(() -> Mono.delay(nextWait()).takeUntilOther(stopSignal.asMono()))
                .flatMap(waited -> drain())
                .repeat(() -> !stopRequested)
                .doFinally(signal -> ended())
                .subscribe();
    }

    /** How long the loop waits before its next round. */
    Duration nextWait() {
        return interval.multipliedBy(1L << quietRounds.get());
    }

    /** One round: passes until one finds nothing (or a stop is asked for); the round is quiet when none found anything. */
    Mono<Void> drain() {
        return Mono.defer(pass)
                .expand(handled -> handled > 0 && !stopRequested ? Mono.defer(pass) : Mono.empty())
                .reduce(0, Integer::sum)
                .doOnNext(handled -> quietRounds.updateAndGet(quiet -> handled > 0 ? 0 : Math.min(quiet + 1, SLOWEST)))
                .onErrorResume(e -> {
                    log.warn("{}: a pass failed; the next interval tries again", name, e);
                    return Mono.empty();
                })
                .then();
    }

    /** Starts no other pass; {@code callback} runs once the pass under way (if any) has finished or the grace ran out. */
    @Override
    public void stop(Runnable callback) {
        Disposable current = running;
        whenStopped.set(callback);
        stopRequested = true;
        stopSignal.tryEmitEmpty();
        if (current == null) {
            tellStopped();
        } else if (stopGrace.isZero()) {
            current.dispose();
        } else {
            graceRunningOut = Mono.delay(stopGrace).filter(elapsed -> running == current).subscribe(elapsed -> {
                log.warn("{}: its pass was still running {} after the stop; cancelled", name, stopGrace);
                current.dispose();
            });
        }
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    private void ended() {
        running = null;
        graceRunningOut.dispose();
        tellStopped();
    }

    private void tellStopped() {
        Runnable callback = whenStopped.getAndSet(null);
        if (callback != null) {
            callback.run();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
