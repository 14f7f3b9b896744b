package io.stowage.api.background;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Background work claimed from the database: every interval one pass runs, and passes repeat while
 * they find work. Passes never overlap within an instance; instances share the work through
 * {@code FOR UPDATE SKIP LOCKED} in the passes themselves. Stopping the context cancels the loop,
 * and whatever it had claimed is picked up elsewhere once its lease runs out.
 */
public final class PollingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final boolean enabled;
    private final Duration interval;
    private final Supplier<Mono<Integer>> pass;
    private volatile Disposable running;

    /** @param pass one round of work, answering how many items it handled */
    public PollingLoop(String name, boolean enabled, Duration interval, Supplier<Mono<Integer>> pass) {
        this.name = name;
        this.enabled = enabled;
        this.interval = interval;
        this.pass = pass;
    }

    @Override
    public void start() {
        if (!enabled || running != null) {
            return;
        }
        running = Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> drain(), 1)
                .subscribe();
    }

    private Mono<Void> drain() {
        return Mono.defer(pass)
                .expand(handled -> handled > 0 ? Mono.defer(pass) : Mono.empty())
                .onErrorResume(e -> {
                    log.warn("{}: a pass failed; the next interval tries again", name, e);
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void stop() {
        Disposable current = running;
        running = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
