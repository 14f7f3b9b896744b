package io.stowage.api.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How queued shopper emails and customer notices are sent and retried ({@code stowage.notifications.*}); every value has a
 * production default. {@code holdRecheck}: how long a customer notice held for the one before it (a parcel's shipped
 * notice) is put back before the queue looks at it again, when nothing released it sooner.
 */
@ConfigurationProperties("stowage.notifications")
record EmailSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("10") int batchSize,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("30s") Duration smtpTimeout,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("1m") Duration holdRecheck) {

    EmailSettings {
        // Connecting, each command and writing the message each have the timeout; the lease must outlast all three.
        if (lease.compareTo(smtpTimeout.multipliedBy(3)) <= 0) {
            throw new IllegalStateException("stowage.notifications.lease must be longer than three times stowage.notifications.smtp-timeout");
        }
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalStateException("stowage.notifications.batch-size and max-attempts must be positive");
        }
        if (holdRecheck.isNegative() || holdRecheck.isZero()) {
            throw new IllegalStateException("stowage.notifications.hold-recheck must be positive");
        }
    }
}
