package io.stowage.api.outbox;

import io.stowage.api.database.Params;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reading a merchant's events back from the outbox: its event log, and one event by its id. */
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
}
