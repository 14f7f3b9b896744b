package io.stowage.api.webhooks;

import io.stowage.api.support.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.outbox.Outbox;
import io.stowage.api.support.DrivenLoopsTest;
import io.stowage.api.support.SampleEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances share delivery through the database. A second instance claims a delivery whose
 * receiver hangs and is killed mid-request; this instance, whose delivery loop is switched off so
 * that the test drives it pass by pass, cannot take the delivery while the lease runs and delivers
 * it once the lease has run out.
 */
@Tag("slow")
class WebhookFailoverTest extends DrivenLoopsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);


    @Autowired
    Outbox outbox;

    @Autowired
    WebhookDeliverer deliverer;

    @Test
    void aDeliveryClaimedByAKilledInstanceIsDeliveredOnceByTheOtherAfterItsLeaseRunsOut() {
        String key = newMerchant("Failover");
        UUID merchantId = UUID.fromString((String) as(key).get().uri("/api/v1/merchant").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("id"));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            as(key).post().uri("/api/v1/webhook-endpoints")
                    .bodyValue(Map.of("url", receiver.url("/slow", 0, 200), "event_types", List.of("order.*")))
                    .exchange().expectStatus().isCreated();

            ConfigurableApplicationContext second = deliveringInstance();
            try {
                outbox.append(merchantId, EventTypes.ORDER_ACCEPTED, "ORD-7", SampleEvents.orderAccepted("web")).block();
                receiver.await("/slow", PATIENCE, got -> got.size() == 1);
            } finally {
                second.close();
            }
            String eventId = receiver.at("/slow").get(0).header("webhook-id");

            Map<?, ?> leased = delivery(key, eventId);
            assertThat(leased.get("status")).isEqualTo("pending");
            assertThat((List<?>) leased.get("attempts")).isEmpty();
            assertThat(deliverer.deliverDue().block()).as("the killed instance's lease still runs").isZero();

            Eventually.await(PATIENCE, () -> deliverer.deliverDue().block() != 0);

            assertThat(receiver.at("/slow")).hasSize(2)
                    .allSatisfy(request -> assertThat(request.header("webhook-id")).isEqualTo(eventId));
            Map<?, ?> delivered = delivery(key, eventId);
            assertThat(delivered.get("status")).isEqualTo("delivered");
            assertThat((List<?>) delivered.get("attempts")).singleElement()
                    .satisfies(attempt -> assertThat(((Map<?, ?>) attempt).get("response_status")).isEqualTo(200));
        }
    }

    /**
     * Another instance of the service on the same database, which only delivers; closed with no stop
     * grace, it drops its pass under way as a killed process does, instead of finishing the attempt.
     */
    private ConfigurableApplicationContext deliveringInstance() {
        return secondInstance(
                "stowage.background.stop-grace=0s",
                "stowage.notifications.enabled=false",
                "stowage.webhooks.fan-out-enabled=false",
                "stowage.webhooks.poll-interval=100ms",
                "stowage.webhooks.lease=9s",
                "stowage.webhooks.timeout=8s",
                "stowage.egress.allow-private-networks=true");
    }

    private Map<?, ?> delivery(String key, String eventId) {
        Map<?, ?> page = as(key).get().uri("/api/v1/webhook-deliveries?event_id={e}", eventId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<?> items = (List<?>) page.get("items");
        assertThat(items).hasSize(1);
        return (Map<?, ?>) items.get(0);
    }
}
