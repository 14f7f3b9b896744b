package io.stowage.api.support;

import org.springframework.test.context.TestPropertySource;

/**
 * HTTP tests that watch webhooks and emails arrive at receivers on this machine: the outbox, webhook
 * and email loops run every 100 ms, a failed delivery is retried within a second and given up after
 * eight, and private addresses are allowed as receivers. Every subclass shares one service and one
 * database of their own (see {@link ApiTest} on choosing a configuration).
 */
@OwnDatabase
@TestPropertySource(properties = {
        "stowage.webhooks.poll-interval=100ms",
        "stowage.webhooks.first-retry=200ms",
        "stowage.webhooks.max-retry=1s",
        "stowage.webhooks.retry-window=8s",
        "stowage.webhooks.lease=5s",
        "stowage.webhooks.timeout=3s",
        "stowage.notifications.poll-interval=100ms",
        "stowage.notifications.smtp-timeout=5s",
        "stowage.notifications.lease=20s",
        "stowage.egress.allow-private-networks=true"
})
public abstract class FastDeliveryTest extends ApiTest {
}
