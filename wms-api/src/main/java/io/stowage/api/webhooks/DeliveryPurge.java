package io.stowage.api.webhooks;

import io.stowage.api.Published;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What retention needs of the deliveries before it deletes old outbox events: which events a pending
 * delivery still waits on (they are kept), and deleting the deliveries of events that go (their
 * attempts go with them, ON DELETE CASCADE).
 */
@Published
@Component
public class DeliveryPurge {

    private final DatabaseClient db;

    DeliveryPurge(DatabaseClient db) {
        this.db = db;
    }

    /** Outbox ids up to {@code upToOutboxId} that some pending delivery still waits on. */
    public Mono<List<Long>> pendingUpTo(long upToOutboxId) {
        return db.sql("SELECT DISTINCT outbox_id FROM webhook_deliveries WHERE status = 'pending' AND outbox_id <= :upTo")
                .bind("upTo", upToOutboxId)
                .map(row -> row.get("outbox_id", Long.class)).all().collectList();
    }

    /** Those of these outbox ids that some pending delivery waits on. */
    public Mono<Set<Long>> pendingAmong(Collection<Long> outboxIds) {
        return db.sql("SELECT DISTINCT outbox_id FROM webhook_deliveries WHERE status = 'pending' AND outbox_id = ANY(:ids)")
                .bind("ids", outboxIds.toArray(Long[]::new))
                .map(row -> row.get("outbox_id", Long.class)).all().collect(Collectors.toSet());
    }

    /** Deletes every delivery of these events, with its attempts. */
    public Mono<Void> deleteFor(Collection<Long> outboxIds) {
        return db.sql("DELETE FROM webhook_deliveries WHERE outbox_id = ANY(:ids)").bind("ids", outboxIds.toArray(Long[]::new)).then();
    }
}
