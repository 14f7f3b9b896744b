package io.stowage.api.webhooks;

import static io.stowage.api.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.outbox.Outbox;
import io.stowage.api.support.DrivenLoopsTest;
import io.stowage.api.support.SampleEvents;
import io.stowage.api.support.World;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** An event an internal subscriber cannot digest is set aside and finally given up; the events behind it go on. */
class OutboxFanOutFailureTest extends DrivenLoopsTest {

    @Autowired
    Outbox outbox;

    @Autowired
    DatabaseClient db;

    @Test
    void aPoisonEventHoldsUpNothingAndIsGivenUpAfterItsAttempts() {
        World world = World.create(this);
        as(world.merchantKey).post().uri("/api/v1/webhook-endpoints").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("url", "https://store.example.com/hooks", "event_types", List.of("order.*")))
                .exchange().expectStatus().isCreated();
        UUID merchant = UUID.fromString(world.merchantId);
        outbox.append(merchant, EventTypes.ORDER_ACCEPTED, "order/poisoned", SampleEvents.orderAccepted("poison")).block();
        for (int i = 0; i < 45; i++) {
            outbox.append(merchant, EventTypes.ORDER_ACCEPTED, "order/" + i, SampleEvents.orderAccepted("web")).block();
        }

        await(() -> count("webhook_deliveries WHERE merchant_id = '" + merchant + "'") == 45);
        await(() -> count("outbox_events WHERE subject = 'order/poisoned' AND fan_out_gave_up") == 1);

        Map<String, Object> poisoned = db.sql("""
                        SELECT fan_out_attempts, fan_out_error, fanned_out_at IS NOT NULL AS done FROM outbox_events WHERE subject = 'order/poisoned'
                        """)
                .fetch().one().block();
        assertThat(poisoned.get("fan_out_attempts")).isEqualTo(3);
        assertThat((String) poisoned.get("fan_out_error")).contains("cannot digest order/poisoned");
        assertThat(poisoned.get("done")).isEqualTo(true);
        assertThat(count("webhook_deliveries d JOIN outbox_events e ON e.id = d.outbox_id WHERE e.subject = 'order/poisoned'")).isZero();
        assertThat(count("outbox_events WHERE merchant_id = '" + merchant + "' AND fanned_out_at IS NULL")).isZero();

        // The operator sees it, and once the cause is fixed makes it due again; it fails again here, and is set aside anew.
        Map<?, ?> failures = admin().get().uri("/api/v1/admin/outbox/failures?given_up=true").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        // Other tests' events may be set aside too: this test's is the one with its subject.
        List<?> items = ((List<?>) failures.get("items")).stream().filter(item -> "order/poisoned".equals(((Map<?, ?>) item).get("subject"))).toList();
        assertThat(items).hasSize(1);
        Map<?, ?> failed = (Map<?, ?>) items.get(0);
        assertThat(failed.get("subject")).isEqualTo("order/poisoned");
        assertThat(failed.get("attempts")).isEqualTo(3);
        assertThat(failed.get("given_up")).isEqualTo(true);
        as(world.merchantKey).get().uri("/api/v1/admin/outbox/failures").exchange().expectStatus().isForbidden();
        String poisonedId = (String) failed.get("event_id");
        admin().post().uri("/api/v1/admin/outbox/failures/{id}/retry", poisonedId).exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.given_up").isEqualTo(false).jsonPath("$.attempts").isEqualTo(0);
        // Only a given-up event is retried: one that fanned out is refused. (Not the poisoned one again: the loop
        // may have failed it three more times and given it up anew between two requests.)
        UUID fannedOut = db.sql("SELECT event_id FROM outbox_events WHERE merchant_id = :merchant AND subject = 'order/0'")
                .bind("merchant", merchant).map(row -> row.get("event_id", UUID.class)).one().block();
        admin().post().uri("/api/v1/admin/outbox/failures/{id}/retry", fannedOut).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/event-not-given-up");
        admin().post().uri("/api/v1/admin/outbox/failures/{id}/retry", UUID.randomUUID()).exchange().expectStatus().isNotFound();
        await(() -> count("outbox_events WHERE subject = 'order/poisoned' AND fan_out_gave_up") == 1);
    }

    private long count(String tableAndCondition) {
        return db.sql("SELECT count(*) AS n FROM " + tableAndCondition).map(row -> row.get("n", Long.class)).one().block();
    }
}
