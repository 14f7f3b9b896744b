package io.stowage.api.retention;

import io.stowage.api.support.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.outbox.Outbox;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.OwnDatabase;
import io.stowage.api.support.SampleEvents;
import io.stowage.api.support.World;
import io.stowage.api.webhooks.EventTypes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/** Old bookkeeping goes, in small chunks; anything still in use or young enough stays. */
@TestPropertySource(properties = {
        "stowage.retention.enabled=false",
        "stowage.retention.chunk=2",
        "stowage.webhooks.delivery-enabled=false"
})
@OwnDatabase
class RetentionTest extends ApiTest {

    @Autowired
    Retention retention;

    @Autowired
    Outbox outbox;

    @Autowired
    DatabaseClient db;

    @Test
    void oldKeysSessionsAndFinishedEventsGoWhileLiveOnesStay() {
        World world = World.create(this);
        UUID merchant = UUID.fromString(world.merchantId);
        as(world.merchantKey).post().uri("/api/v1/webhook-endpoints").header("Idempotency-Key", "endpoint-1")
                .bodyValue(Map.of("url", "https://store.example.com/hooks", "event_types", List.of("order.*")))
                .exchange().expectStatus().isCreated();
        for (int i = 0; i < 5; i++) {
            outbox.append(merchant, EventTypes.ORDER_ACCEPTED, "order/old-" + i, SampleEvents.orderAccepted("web")).block();
        }
        outbox.append(merchant, EventTypes.ORDER_ACCEPTED, "order/old-pending", SampleEvents.orderAccepted("web")).block();
        outbox.append(merchant, EventTypes.ORDER_ACCEPTED, "order/young", SampleEvents.orderAccepted("web")).block();
        awaitFannedOut();
        sql("UPDATE webhook_deliveries SET status = 'delivered' WHERE event_id IN (SELECT event_id FROM outbox_events WHERE subject LIKE 'order/old-_')");
        sql("INSERT INTO webhook_delivery_attempts (delivery_id, attempted_at, response_status, duration_ms) "
                + "SELECT id, now(), 200, 12 FROM webhook_deliveries");
        sql("UPDATE outbox_events SET created_at = now() - interval '31 days' WHERE subject LIKE 'order/old-%'");
        sql("UPDATE idempotency_keys SET created_at = now() - interval '8 days'");
        long keys = count("idempotency_keys");
        sql("INSERT INTO idempotency_keys (scope, idempotency_key, request_hash) VALUES ('test', 'fresh', '\\x00')");
        sql("UPDATE worker_sessions SET expires_at = now() - interval '1 minute'");
        long sessions = count("worker_sessions");

        long deleted = retention.pass().block();

        assertThat(keys).isPositive();
        assertThat(sessions).isPositive();
        assertThat(count("outbox_events WHERE subject LIKE 'order/old-_'")).isZero();
        assertThat(count("outbox_events WHERE subject IN ('order/old-pending', 'order/young')")).isEqualTo(2);
        assertThat(count("webhook_deliveries")).isEqualTo(2);
        assertThat(count("webhook_delivery_attempts")).isEqualTo(2);
        assertThat(count("idempotency_keys")).isEqualTo(1);
        assertThat(count("worker_sessions")).isZero();
        assertThat(deleted).isEqualTo(5 + keys + sessions);
        assertThat(retention.pass().block()).isZero();
    }

    @Test
    void oldFinishedCustomerNoticesGoWhilePendingAndYoungOnesStay() {
        World world = World.create(this);
        // Without SMTP settings an order's confirmation is recorded at once as cancelled: a finished notice
        List<String> orders = List.of(order(world), order(world), order(world));
        Eventually.await(() -> orders.stream().allMatch(order -> count("customer_notices WHERE status = 'cancelled' AND order_id = '" + order + "'") == 1));
        sql("UPDATE customer_notices SET created_at = now() - interval '91 days' WHERE order_id IN ('" + orders.get(0) + "', '" + orders.get(1) + "')");
        sql("UPDATE customer_notices SET status = 'pending', last_error = NULL, next_attempt_at = now() + interval '1 day' WHERE order_id = '"
                + orders.get(1) + "'");
        sql("UPDATE customer_notices SET created_at = now() - interval '89 days' WHERE order_id = '" + orders.get(2) + "'");

        retention.pass().block();

        assertThat(count("customer_notices WHERE order_id = '" + orders.get(0) + "'")).as("old and finished").isZero();
        assertThat(count("customer_notices WHERE order_id = '" + orders.get(1) + "'")).as("old but still to be sent").isEqualTo(1);
        assertThat(count("customer_notices WHERE order_id = '" + orders.get(2) + "'")).as("finished, not old enough").isEqualTo(1);
    }

    @Test
    void carriersOldEstimatesGoWhileRecentOnesStay() {
        String old = "RET-OLD-" + UUID.randomUUID();
        String recent = "RET-NEW-" + UUID.randomUUID();
        sql("INSERT INTO carrier_estimates (carrier_code, tracking_number, delivery_date, reported_at) VALUES "
                + "('sandbox', '" + old + "', current_date - 90, now() - interval '91 days'), "
                + "('sandbox', '" + recent + "', current_date + 2, now() - interval '89 days')");

        retention.pass().block();

        assertThat(count("carrier_estimates WHERE tracking_number = '" + old + "'")).as("said 91 days ago").isZero();
        assertThat(count("carrier_estimates WHERE tracking_number = '" + recent + "'")).as("said 89 days ago").isEqualTo(1);
    }

    private String order(World world) {
        Map<String, Object> customer = Map.of("name", "Ona Petraitytė", "email", "ona-" + UUID.randomUUID() + "@example.com", "notify", "email",
                "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius", "postal_code", "01103", "country", "LT",
                        "latitude", 54.6872, "longitude", 25.2797));
        return (String) as(world.merchantKey).post().uri("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("customer", customer, "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1)))).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private void awaitFannedOut() {
        Eventually.await(() -> count("outbox_events WHERE fanned_out_at IS NULL") == 0);
    }

    private void sql(String statement) {
        db.sql(statement).then().block();
    }

    private long count(String tableAndCondition) {
        return db.sql("SELECT count(*) AS n FROM " + tableAndCondition).map(row -> row.get("n", Long.class)).one().block();
    }
}
