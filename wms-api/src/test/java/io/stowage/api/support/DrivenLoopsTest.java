package io.stowage.api.support;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * HTTP tests that drive background work themselves or watch it taken over from a dead instance:
 * webhook delivery is switched off so that a test runs its passes, leases are short (webhook
 * deliveries 3 s, wave planning 3 s) so that a take-over happens within a test, the outbox fan-out
 * runs every 100 ms and gives up an event after three attempts, and one internal subscriber cannot
 * digest events whose payload says poison ({@link PoisonIntolerantSubscriber}). Every subclass shares
 * one service and one database of their own (see {@link ApiTest} on choosing a configuration). They run one
 * class at a time (the lock): a class's passes deliver every class's webhooks in that service, which a class
 * running beside it would not expect.
 */
@ResourceLock("DrivenLoopsTest")
@OwnDatabase
@TestPropertySource(properties = {
        "stowage.webhooks.delivery-enabled=false",
        "stowage.webhooks.poll-interval=100ms",
        "stowage.webhooks.first-retry=200ms",
        "stowage.webhooks.max-retry=400ms",
        "stowage.webhooks.fan-out-attempts=3",
        "stowage.webhooks.lease=3s",
        "stowage.webhooks.timeout=2s",
        "stowage.picking.planning-lease=PT3S",
        "stowage.egress.allow-private-networks=true"
})
@Import(PoisonIntolerantSubscriber.class)
public abstract class DrivenLoopsTest extends ApiTest {
}
