package io.stowage.api.background;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes the service's background loops, each with how long a stopping instance lets its pass under
 * way finish ({@code stowage.background.stop-grace}, 20 s: below Spring's 30-s shutdown phase, so a
 * pass never outlives the database pool it uses). Zero abandons the pass at once, as a killed process
 * would: its claims wait out their leases.
 */
@Component
public class PollingLoops {

    private final Duration stopGrace;

    PollingLoops(@Value("${stowage.background.stop-grace:PT20S}") Duration stopGrace) {
        if (stopGrace.isNegative()) {
            throw new IllegalArgumentException("stowage.background.stop-grace must not be negative, was " + stopGrace);
        }
        this.stopGrace = stopGrace;
    }

    /** @param pass one round of work, answering how many items it handled */
    public PollingLoop loop(String name, boolean enabled, Duration interval, Supplier<Mono<Integer>> pass) {
        return new PollingLoop(name, enabled, interval, stopGrace, pass);
    }
}
