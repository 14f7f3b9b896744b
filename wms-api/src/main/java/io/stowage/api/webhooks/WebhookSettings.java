package io.stowage.api.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How webhooks are fanned out, sent and retried ({@code stowage.webhooks.*}); every value has a production default. */
@ConfigurationProperties("stowage.webhooks")
public record WebhookSettings(
        @DefaultValue("true") boolean fanOutEnabled,
        @DefaultValue("true") boolean deliveryEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("24h") Duration retryWindow,
        @DefaultValue("24h") Duration previousSecretValidity,
        @DefaultValue("20") int maxEndpointsPerMerchant,
        @DefaultValue("10") int fanOutAttempts,
        @DefaultValue("5d") Duration disableAfter) {

    public WebhookSettings {
        // A lease shorter than the request timeout would let a second instance send while the first still waits.
        if (lease.compareTo(timeout) <= 0) {
            throw new IllegalStateException("stowage.webhooks.lease (" + lease + ") must be longer than stowage.webhooks.timeout (" + timeout + ")");
        }
        if (batchSize < 1 || fanOutAttempts < 1 || firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalStateException("stowage.webhooks: batch-size and fan-out-attempts must be positive and 0 < first-retry <= max-retry");
        }
    }

    /** Seconds as PostgreSQL's {@code make_interval(secs => ...)} takes them. */
    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
