package io.stowage.api.outbox;

import io.stowage.api.database.Params;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reading events back from the outbox (a merchant's event log, one event, payloads for delivery) and deleting old ones. */
@Component
public class OutboxEvents {

    /** An event as stored: {@code id} orders the outbox, {@code payload} is its JSON text. */
    public record Stored(long id, UUID eventId, String type, String subject, String payload, OffsetDateTime createdAt) {
    }

    private final DatabaseClient db;

    OutboxEvents(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The merchant's events before {@code beforeId}, newest first, at most {@code limit}: of one type
     * ({@code exact}), of the types starting with {@code prefix}, or all when both are null.
     */
    public Mono<List<Stored>> newestFirst(UUID merchantId, String exact, String prefix, long beforeId, int limit) {
        return db.sql("""
                        SELECT id, event_id, type, subject, payload::text AS payload, created_at FROM outbox_events
                        WHERE merchant_id = :merchant AND id < :before
                          AND (CAST(:exact AS text) IS NULL OR type = :exact)
                          AND (CAST(:family AS text) IS NULL OR starts_with(type, :family))
                        ORDER BY id DESC LIMIT :limit
                        """)
                .bind("merchant", merchantId).bind("before", beforeId)
                .bind("exact", Params.nullable(exact, String.class))
                .bind("family", Params.nullable(prefix, String.class))
                .bind("limit", limit)
                .map(row -> new Stored(row.get("id", Long.class), row.get("event_id", UUID.class), row.get("type", String.class),
                        row.get("subject", String.class), row.get("payload", String.class), row.get("created_at", OffsetDateTime.class)))
                .all().collectList();
    }

    /** The merchant's event with this id (its payload left out); empty when the merchant has none such. */
    public Mono<Stored> byEventId(UUID merchantId, UUID eventId) {
        return db.sql("SELECT id, event_id, type, subject, created_at FROM outbox_events WHERE event_id = :event AND merchant_id = :merchant")
                .bind("event", eventId).bind("merchant", merchantId)
                .map(row -> new Stored(row.get("id", Long.class), row.get("event_id", UUID.class), row.get("type", String.class),
                        row.get("subject", String.class), null, row.get("created_at", OffsetDateTime.class)))
                .one();
    }

    /** Events by their outbox ids, payloads included, keyed by id; an id with no event is left out. */
    public Mono<Map<Long, Stored>> byIds(Collection<Long> ids) {
        return db.sql("SELECT id, event_id, type, subject, payload::text AS payload, created_at FROM outbox_events WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map(row -> new Stored(row.get("id", Long.class), row.get("event_id", UUID.class), row.get("type", String.class),
                        row.get("subject", String.class), row.get("payload", String.class), row.get("created_at", OffsetDateTime.class)))
                .all().collectMap(Stored::id);
    }

    /** The newest outbox id among events created more than {@code age} ago; 0 when there is none. */
    public Mono<Long> newestIdOlderThan(Duration age) {
        return db.sql("SELECT coalesce(max(id), 0) AS id FROM outbox_events WHERE created_at < now() - make_interval(secs => :age)")
                .bind("age", age.toMillis() / 1000.0)
                .map(row -> row.get("id", Long.class)).one();
    }

    /**
     * Up to {@code limit} events created more than {@code age} ago and fanned out, oldest first, except
     * {@code kept}; locked for the caller's transaction (rows another instance holds are skipped).
     */
    public Mono<List<Long>> lockFannedOutOlderThan(Duration age, Collection<Long> kept, int limit) {
        return db.sql("""
                        SELECT id FROM outbox_events
                        WHERE created_at < now() - make_interval(secs => :age) AND fanned_out_at IS NOT NULL AND id <> ALL(:kept)
                        ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .bind("age", age.toMillis() / 1000.0).bind("kept", kept.toArray(Long[]::new)).bind("limit", limit)
                .map(row -> row.get("id", Long.class)).all().collectList();
    }

    /** Deletes these events; whatever points at them must be gone first. */
    public Mono<Long> delete(Collection<Long> ids) {
        return db.sql("DELETE FROM outbox_events WHERE id = ANY(:ids)").bind("ids", ids.toArray(Long[]::new)).fetch().rowsUpdated();
    }
}
