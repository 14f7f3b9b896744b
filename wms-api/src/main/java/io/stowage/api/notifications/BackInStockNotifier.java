package io.stowage.api.notifications;

import io.stowage.api.availability.BackInStock;
import io.stowage.api.availability.BackInStock.Waiting;
import io.stowage.api.catalog.Variants;
import io.stowage.api.merchants.Merchants;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import io.stowage.api.webhooks.OutboxSubscriber;
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
    private final BackInStock backInStock;
    private final Variants variants;
    private final Merchants merchants;

    public BackInStockNotifier(DatabaseClient db, Outbox outbox, JsonMapper json, BackInStock backInStock, Variants variants, Merchants merchants) {
        this.db = db;
        this.outbox = outbox;
        this.json = json;
        this.backInStock = backInStock;
        this.variants = variants;
        this.merchants = merchants;
    }

    @Override
    public boolean wants(String eventType) {
        return EventTypes.VARIANT_BACK_IN_STOCK.equals(eventType);
    }

    @Override
    public Mono<Void> handle(OutboxEvent event) {
        JsonNode payload = json.readTree(event.payload());
        UUID variantId = UUID.fromString(payload.get("variant_id").asString());
        return backInStock.markNotified(event.merchantId(), variantId)
                .flatMap(subscribers -> subscribers.isEmpty() ? Mono.<Void>empty()
                        : announce(event, payload, variantId, subscribers).then(queueEmails(event.merchantId(), variantId, subscribers)));
    }

    /** The merchant's own copy of the list, for stores that send their own messages. */
    private Mono<Void> announce(OutboxEvent event, JsonNode payload, UUID variantId, List<Waiting> subscribers) {
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

    private Mono<Void> queueEmails(UUID merchantId, UUID variantId, List<Waiting> subscribers) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM notification_settings WHERE merchant_id = :merchant) AS configured")
                .bind("merchant", merchantId)
                .map(row -> Boolean.TRUE.equals(row.get("configured", Boolean.class))).one()
                .filter(configured -> configured)
                .flatMap(configured -> variants.byIds(List.of(variantId)).filter(variant -> variant.merchantId().equals(merchantId)).next())
                .flatMap(variant -> merchants.names(List.of(merchantId))
                        .map(names -> BackInStockEmail.of(variant.name(), variant.sku(), names.get(merchantId))))
                .flatMap(email -> db.sql("""
                                INSERT INTO notification_emails (merchant_id, subscription_id, recipient, subject, body)
                                SELECT :merchant, waiting.id, waiting.email, :subject, :body
                                FROM unnest(CAST(:ids AS uuid[]), CAST(:emails AS text[])) AS waiting (id, email)
                                ON CONFLICT (subscription_id) DO NOTHING
                                """)
                        .bind("merchant", merchantId).bind("subject", email.subject()).bind("body", email.body())
                        .bind("ids", subscribers.stream().map(Waiting::subscriptionId).toArray(UUID[]::new))
                        .bind("emails", subscribers.stream().map(Waiting::email).toArray(String[]::new))
                        .then());
    }
}
