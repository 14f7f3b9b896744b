package io.stowage.api.webhooks;

import static io.stowage.api.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.outbox.Outbox;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.OwnDatabase;
import io.stowage.api.support.SampleEvents;
import io.stowage.api.support.World;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/** An endpoint that fails every delivery for long enough is switched off with its reason; one that answers stays on. */
@TestPropertySource(properties = {
        "stowage.webhooks.poll-interval=100ms",
        "stowage.webhooks.first-retry=200ms",
        "stowage.webhooks.max-retry=400ms",
        "stowage.webhooks.retry-window=1s",
        "stowage.webhooks.lease=5s",
        "stowage.webhooks.timeout=3s",
        "stowage.webhooks.disable-after=2s",
        "stowage.egress.allow-private-networks=true"
})
@OwnDatabase
class WebhookEndpointDisablingTest extends ApiTest {

    @Autowired
    Outbox outbox;

    @Autowired
    DatabaseClient db;

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aReceiverThatNeverAnswersIsSwitchedOffAndCanBeTurnedBackOn() {
        World world = World.create(this);
        String dead = endpoint(world, receiver.url("/dead", 500));
        String alive = endpoint(world, receiver.url("/alive", 200));
        UUID merchant = UUID.fromString(world.merchantId);

        outbox.append(merchant, EventTypes.ORDER_ACCEPTED, "order/first", SampleEvents.orderAccepted("web")).block();
        await(() -> count("webhook_deliveries WHERE endpoint_id = '" + dead + "' AND status = 'failed'") == 1);
        // A failure alone is not enough: the endpoint must have failed for disable-after (2 s) with nothing delivered.
        assertThat(endpointView(world, dead).get("enabled")).isEqualTo(true);
        await(() -> db.sql("SELECT now() - created_at > interval '2 seconds' AS old FROM webhook_deliveries WHERE endpoint_id = CAST(:e AS uuid)")
                .bind("e", dead).map(row -> Boolean.TRUE.equals(row.get("old", Boolean.class))).one().block());

        outbox.append(merchant, EventTypes.ORDER_ACCEPTED, "order/second", SampleEvents.orderAccepted("web")).block();
        await(() -> Boolean.FALSE.equals(endpointView(world, dead).get("enabled")));
        Map<?, ?> switchedOff = endpointView(world, dead);
        assertThat((String) switchedOff.get("disabled_reason")).contains("every delivery failed for 2 second(s)");
        assertThat(switchedOff.get("disabled_at")).isNotNull();
        assertThat(endpointView(world, alive).get("enabled")).isEqualTo(true);
        assertThat(receiver.at("/alive")).hasSize(2);

        as(world.merchantKey).patch().uri("/api/v1/webhook-endpoints/{id}", dead).bodyValue(Map.of("enabled", true))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.disabled_reason").doesNotExist();
    }

    private String endpoint(World world, String url) {
        Map<?, ?> created = as(world.merchantKey).post().uri("/api/v1/webhook-endpoints").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("url", url, "event_types", List.of("order.*")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<?, ?>) created.get("endpoint")).get("id");
    }

    private Map<?, ?> endpointView(World world, String id) {
        return as(world.merchantKey).get().uri("/api/v1/webhook-endpoints/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private long count(String tableAndCondition) {
        return db.sql("SELECT count(*) AS n FROM " + tableAndCondition).map(row -> row.get("n", Long.class)).one().block();
    }
}
