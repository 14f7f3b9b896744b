package io.stowage.api.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How queued shopper emails are sent and retried ({@code stowage.notifications.*}); every value has a production default. */
@ConfigurationProperties("stowage.notifications")
record EmailSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("10") int batchSize,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("30s") Duration smtpTimeout,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry) {

    EmailSettings {
        // Connecting, each command and writing the message each have the timeout; the lease must outlast all three.
        if (lease.compareTo(smtpTimeout.multipliedBy(3)) <= 0) {
            throw new IllegalStateException("stowage.notifications.lease must be longer than three times stowage.notifications.smtp-timeout");
        }
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalStateException("stowage.notifications.batch-size and max-attempts must be positive");
        }
    }
}
