package io.stowage.api.dayplan;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How day plans run: the solver's time limits, the claim lease (longer than any solve, so that a
 * live instance never loses its run; a dead one's run is taken over when the lease ends), how
 * often instances look for due plans, and the currency prices are compared in.
 */
@Component
class DayPlanSettings {

    final Duration solveLimit;
    final Duration unimprovedLimit;
    final Duration lease;
    final Duration pollInterval;
    final boolean enabled;
    final String currency;

    DayPlanSettings(@Value("${stowage.dayplan.solve-limit:PT20S}") Duration solveLimit,
                    @Value("${stowage.dayplan.unimproved-limit:PT2S}") Duration unimprovedLimit,
                    @Value("${stowage.dayplan.lease:PT2M}") Duration lease,
                    @Value("${stowage.dayplan.poll-interval:PT1S}") Duration pollInterval,
                    @Value("${stowage.dayplan.enabled:true}") boolean enabled,
                    @Value("${stowage.dayplan.currency:EUR}") String currency) {
        if (lease.compareTo(solveLimit.plusSeconds(30)) < 0) {
            throw new IllegalArgumentException("stowage.dayplan.lease (" + lease + ") must outlast stowage.dayplan.solve-limit ("
                    + solveLimit + ") by 30 s, or a live instance's run could be taken over");
        }
        this.solveLimit = solveLimit;
        this.unimprovedLimit = unimprovedLimit;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.enabled = enabled;
        this.currency = currency;
    }
}
