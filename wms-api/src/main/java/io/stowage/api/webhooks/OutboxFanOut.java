package io.stowage.api.webhooks;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns outbox events into work: one pending delivery per matching enabled endpoint of the event's
 * merchant, and a call to each internal subscriber that wants the type. A batch of events is
 * claimed with {@code FOR UPDATE SKIP LOCKED} and marked in the same transaction, so instances
 * share the outbox and a crash before the commit leaves the batch for the next pass.
 */
@Service
public class OutboxFanOut {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final WebhookSettings settings;
    private final List<OutboxSubscriber> subscribers;

    public OutboxFanOut(DatabaseClient db, TransactionalOperator tx, WebhookSettings settings, List<OutboxSubscriber> subscribers) {
        this.db = db;
        this.tx = tx;
        this.settings = settings;
        this.subscribers = List.copyOf(subscribers);
    }

    /** Fans out one batch; answers how many events it handled. */
    public Mono<Integer> fanOutBatch() {
        return db.sql("""
                        SELECT id, event_id, merchant_id, type, subject, payload::text AS payload, created_at
                        FROM outbox_events WHERE fanned_out_at IS NULL
                        ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED
                        """)
                .bind("batch", settings.batchSize())
                .map(OutboxEvent::from).all()
                .concatMap(event -> enqueueDeliveries(event).then(notifySubscribers(event)).thenReturn(event.id()))
                .collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(0) : db.sql("UPDATE outbox_events SET fanned_out_at = now() WHERE id = ANY(:ids)")
                        .bind("ids", ids.toArray(Long[]::new))
                        .fetch().rowsUpdated()
                        .thenReturn(ids.size()))
                .as(tx::transactional);
    }

    private Mono<Void> enqueueDeliveries(OutboxEvent event) {
        if (event.merchantId() == null) {
            return Mono.empty();
        }
        return db.sql("INSERT INTO webhook_deliveries (merchant_id, endpoint_id, outbox_id, event_id, event_type, status, give_up_at) "
                        + "SELECT e.merchant_id, e.id, :outbox, :event, :type, 'pending', now() + make_interval(secs => :window) "
                        + "FROM webhook_endpoints e WHERE e.merchant_id = :merchant AND e.enabled AND " + EventTypes.MATCHES_SQL
                        + " ON CONFLICT (event_id, endpoint_id) DO NOTHING")
                .bind("outbox", event.id()).bind("event", event.eventId()).bind("type", event.type())
                .bind("window", WebhookSettings.seconds(settings.retryWindow()))
                .bind("merchant", event.merchantId())
                .then();
    }

    private Mono<Void> notifySubscribers(OutboxEvent event) {
        return Flux.fromIterable(subscribers)
                .filter(subscriber -> subscriber.wants(event.type()))
                .concatMap(subscriber -> subscriber.handle(event))
                .then();
    }
}
