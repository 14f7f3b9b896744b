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
 * @param customerNotices sent, failed or cancelled customer notices (they hold the customer's address and the words sent);
 *                        never shorter than {@code events}, since a notice's row is what keeps a replayed event from telling the customer twice
 * @param carrierEstimates carriers' own delivery estimates, by when the carrier said them (a parcel still travelling gets newer ones)
 */
@ConfigurationProperties("stowage.retention")
public record RetentionSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10m") Duration interval,
        @DefaultValue("7d") Duration idempotencyKeys,
        @DefaultValue("30d") Duration events,
        @DefaultValue("30d") Duration emails,
        @DefaultValue("90d") Duration customerNotices,
        @DefaultValue("90d") Duration carrierEstimates,
        @DefaultValue("1000") int chunk) {

    public RetentionSettings {
        if (chunk < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("stowage.retention: chunk and interval must be positive");
        }
        if (customerNotices.compareTo(events) < 0) {
            throw new IllegalStateException("stowage.retention.customer-notices must be at least stowage.retention.events: a notice's row keeps a"
                    + " replayed event from telling the customer twice");
        }
    }
}
