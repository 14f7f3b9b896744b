package io.stowage.api.support;

import org.springframework.test.context.TestPropertySource;

/**
 * HTTP tests that watch parcels move: webhooks delivered within seconds (as {@link FastDeliveryTest}),
 * sandbox journeys of a few seconds without trouble on the way (no failed attempts, returns or address
 * problems; half the webhooks sent twice), rate-card parcels on scripted demo journeys polled every
 * 300 ms, and the late check every 200 ms. One context and database for every subclass.
 */
@TestPropertySource(properties = {
        "stowage.sandbox.pickup-delay=1s",
        "stowage.sandbox.hub-delay=1s",
        "stowage.sandbox.last-mile-delay=1s",
        "stowage.sandbox.failed-attempt-rate=0",
        "stowage.sandbox.return-rate=0",
        "stowage.sandbox.address-problem-rate=0",
        "stowage.sandbox.duplicate-webhook-rate=0.5",
        "stowage.tracking.poll-interval=200ms",
        "stowage.tracking.sandbox-webhook-interval=200ms",
        "stowage.tracking.demo-journeys=true",
        "stowage.tracking.demo-journey-poll=300ms",
        "stowage.tracking.late-check-interval=200ms",
        "stowage.tracking.late-recheck=300ms"
})
public abstract class FastTrackingTest extends FastDeliveryTest {
}
