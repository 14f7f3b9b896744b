package io.stowage.api.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long bookkeeping rows are kept ({@code stowage.retention.*}). Stock movements, orders and
 * their history are business records and are never deleted here.
 *
 * @param idempotencyKeys how long a retried request is recognised; a retry after that is a new request
 * @param events          outbox events, with their webhook deliveries and attempts (the event log and replays reach this far back)
 * @param emails          sent, failed or cancelled notification emails
 */
@ConfigurationProperties("stowage.retention")
public record RetentionSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10m") Duration interval,
        @DefaultValue("7d") Duration idempotencyKeys,
        @DefaultValue("30d") Duration events,
        @DefaultValue("30d") Duration emails,
        @DefaultValue("1000") int chunk) {

    public RetentionSettings {
        if (chunk < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("stowage.retention: chunk and interval must be positive");
        }
    }
}
