package io.stowage.api.notifications;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How queued shopper emails are sent and retried; every value has a production default. */
@Component
class EmailSettings {

    final boolean enabled;
    final Duration pollInterval;
    final int batchSize;
    final Duration lease;
    final Duration smtpTimeout;
    final int maxAttempts;
    final Duration firstRetry;
    final Duration maxRetry;

    EmailSettings(@Value("${stowage.notifications.enabled:true}") boolean enabled,
                  @Value("${stowage.notifications.poll-interval:2s}") Duration pollInterval,
                  @Value("${stowage.notifications.batch-size:10}") int batchSize,
                  @Value("${stowage.notifications.lease:5m}") Duration lease,
                  @Value("${stowage.notifications.smtp-timeout:30s}") Duration smtpTimeout,
                  @Value("${stowage.notifications.max-attempts:8}") int maxAttempts,
                  @Value("${stowage.notifications.first-retry:1m}") Duration firstRetry,
                  @Value("${stowage.notifications.max-retry:1h}") Duration maxRetry) {
        // Connecting, each command and writing the message each have the timeout; the lease must outlast all three.
        if (lease.compareTo(smtpTimeout.multipliedBy(3)) <= 0) {
            throw new IllegalStateException("stowage.notifications.lease must be longer than three times stowage.notifications.smtp-timeout");
        }
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalStateException("stowage.notifications.batch-size and max-attempts must be positive");
        }
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.lease = lease;
        this.smtpTimeout = smtpTimeout;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }
}
