package io.stowage.api.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Billing's "now": whether a period is over, the day an invoice is issued, the last day the snapshot
 * job may photograph. UTC, like billing periods. Tests move it (package-private {@link #use}) to
 * finalise a month without waiting for it to end.
 */
@Component
public class BillingClock {

    private volatile Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    void use(Clock clock) {
        this.clock = clock;
    }
}
