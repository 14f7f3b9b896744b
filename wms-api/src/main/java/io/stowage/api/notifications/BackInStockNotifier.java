package io.stowage.api.notifications;

import io.stowage.api.outbox.Outbox;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import io.stowage.api.webhooks.OutboxSubscriber;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the shoppers waiting for a variant that it is back. Runs inside the outbox fan-out's
 * transaction for {@code variant.back_in_stock}: it marks the waiting subscriptions notified, writes
 * {@code variant.back_in_stock_subscribers} with their emails for the merchant's webhook, and queues
 * one email per shopper when the merchant has SMTP settings. Marking and queueing commit together,
 * so each subscription is notified once.
 */
@Component
public class BackInStockNotifier implements OutboxSubscriber {

    private final DatabaseClient db;
    private final Outbox outbox;
    private final JsonMapper json;

    public BackInStockNotifier(DatabaseClient db, Outbox outbox, JsonMapper json) {
        this.db = db;
        this.outbox = outbox;
        this.json = json;
    }

    record Subscriber(UUID subscriptionId, String email, OffsetDateTime subscribedAt) {
    }

    @Override
    public boolean wants(String eventType) {
        return EventTypes.VARIANT_BACK_IN_STOCK.equals(eventType);
    }

    @Override
    public Mono<Void> handle(OutboxEvent event) {
        JsonNode payload = json.readTree(event.payload());
        UUID variantId = UUID.fromString(payload.get("variant_id").asString());
        return db.sql("""
                        UPDATE back_in_stock_subscriptions SET notified_at = now()
                        WHERE merchant_id = :merchant AND variant_id = :variant AND notified_at IS NULL
                        RETURNING id, email, created_at
                        """)
                .bind("merchant", event.merchantId()).bind("variant", variantId)
                .map(row -> new Subscriber(row.get("id", UUID.class), row.get("email", String.class), row.get("created_at", OffsetDateTime.class)))
                .all().collectList()
                .flatMap(subscribers -> subscribers.isEmpty() ? Mono.<Void>empty()
                        : announce(event, payload, variantId, subscribers).then(queueEmails(event.merchantId(), variantId, subscribers)));
    }

    /** The merchant's own copy of the list, for stores that send their own messages. */
    private Mono<Void> announce(OutboxEvent event, JsonNode payload, UUID variantId, List<Subscriber> subscribers) {
        List<Map<String, Object>> list = subscribers.stream()
                .<Map<String, Object>>map(s -> Map.of("email", s.email(), "subscribed_at", s.subscribedAt().toInstant().toString()))
                .toList();
        // The subject is the back-in-stock event it answers, so the pair can be matched up.
        return outbox.append(event.merchantId(), EventTypes.VARIANT_BACK_IN_STOCK_SUBSCRIBERS, event.eventId().toString(), Map.of(
                "sku", payload.get("sku").asString(),
                "variant_id", variantId,
                "available", payload.path("available").asInt(),
                "back_in_stock_event_id", event.eventId(),
                "subscribers", list));
    }

    private Mono<Void> queueEmails(UUID merchantId, UUID variantId, List<Subscriber> subscribers) {
        return db.sql("""
                        SELECT v.name, v.sku, m.name AS merchant_name FROM variants v JOIN merchants m ON m.id = v.merchant_id
                        WHERE v.id = :variant AND v.merchant_id = :merchant
                          AND EXISTS (SELECT 1 FROM notification_settings s WHERE s.merchant_id = :merchant)
                        """)
                .bind("variant", variantId).bind("merchant", merchantId)
                .map(row -> BackInStockEmail.of(row.get("name", String.class), row.get("sku", String.class), row.get("merchant_name", String.class)))
                .one()
                .flatMap(email -> db.sql("""
                                INSERT INTO notification_emails (merchant_id, subscription_id, recipient, subject, body)
                                SELECT :merchant, s.id, s.email, :subject, :body FROM back_in_stock_subscriptions s WHERE s.id = ANY(:ids)
                                ON CONFLICT (subscription_id) DO NOTHING
                                """)
                        .bind("merchant", merchantId).bind("subject", email.subject()).bind("body", email.body())
                        .bind("ids", subscribers.stream().map(Subscriber::subscriptionId).toArray(UUID[]::new))
                        .then());
    }
}
