package io.stowage.api.webhooks;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How webhooks are fanned out, sent and retried; every value has a production default. */
@Component
public class WebhookSettings {

    private final boolean fanOutEnabled;
    private final boolean deliveryEnabled;
    private final Duration pollInterval;
    private final int batchSize;
    private final Duration lease;
    private final Duration timeout;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Duration retryWindow;
    private final Duration previousSecretValidity;
    private final int maxEndpointsPerMerchant;

    public WebhookSettings(@Value("${stowage.webhooks.fan-out-enabled:true}") boolean fanOutEnabled,
                           @Value("${stowage.webhooks.delivery-enabled:true}") boolean deliveryEnabled,
                           @Value("${stowage.webhooks.poll-interval:1s}") Duration pollInterval,
                           @Value("${stowage.webhooks.batch-size:20}") int batchSize,
                           @Value("${stowage.webhooks.lease:60s}") Duration lease,
                           @Value("${stowage.webhooks.timeout:10s}") Duration timeout,
                           @Value("${stowage.webhooks.first-retry:30s}") Duration firstRetry,
                           @Value("${stowage.webhooks.max-retry:1h}") Duration maxRetry,
                           @Value("${stowage.webhooks.retry-window:24h}") Duration retryWindow,
                           @Value("${stowage.webhooks.previous-secret-validity:24h}") Duration previousSecretValidity,
                           @Value("${stowage.webhooks.max-endpoints-per-merchant:20}") int maxEndpointsPerMerchant) {
        // A lease shorter than the request timeout would let a second instance send while the first still waits.
        if (lease.compareTo(timeout) <= 0) {
            throw new IllegalStateException("stowage.webhooks.lease (" + lease + ") must be longer than stowage.webhooks.timeout (" + timeout + ")");
        }
        if (batchSize < 1 || firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalStateException("stowage.webhooks: batch-size must be positive and 0 < first-retry <= max-retry");
        }
        this.fanOutEnabled = fanOutEnabled;
        this.deliveryEnabled = deliveryEnabled;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.lease = lease;
        this.timeout = timeout;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.retryWindow = retryWindow;
        this.previousSecretValidity = previousSecretValidity;
        this.maxEndpointsPerMerchant = maxEndpointsPerMerchant;
    }

    public boolean fanOutEnabled() {
        return fanOutEnabled;
    }

    public boolean deliveryEnabled() {
        return deliveryEnabled;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration lease() {
        return lease;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration firstRetry() {
        return firstRetry;
    }

    public Duration maxRetry() {
        return maxRetry;
    }

    public Duration retryWindow() {
        return retryWindow;
    }

    public Duration previousSecretValidity() {
        return previousSecretValidity;
    }

    public int maxEndpointsPerMerchant() {
        return maxEndpointsPerMerchant;
    }

    /** Seconds as PostgreSQL's {@code make_interval(secs => ...)} takes them. */
    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
