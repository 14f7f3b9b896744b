package io.stowage.api.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox's events waiting to be fanned out, as webhooks' fan-out claims and marks them. The rows
 * are the outbox's; the fan-out decides what happens to an event, this class only reads and writes it.
 */
@Component
public class FanOutQueue {

    /** An event due for fan-out; {@code payload} is its JSON text, {@code merchantId} null for a system event. */
    public record Due(long id, UUID eventId, UUID merchantId, String type, String subject, String payload, OffsetDateTime createdAt) {
    }

    /** A claimed event that failed: the attempts made before this one. */
    public record Failed(UUID eventId, String type, int attemptsBefore) {
    }

    private final DatabaseClient db;

    FanOutQueue(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Up to {@code limit} due events, oldest first, locked for the caller's transaction; events another
     * instance holds are skipped, so instances share the queue.
     */
    public Flux<Due> claim(int limit) {
        return db.sql("""
                        SELECT id, event_id, merchant_id, type, subject, payload::text AS payload, created_at
                        FROM outbox_events
                        WHERE fanned_out_at IS NULL AND (fan_out_retry_at IS NULL OR fan_out_retry_at <= now())
                        ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED
                        """)
                .bind("batch", limit)
                .map(row -> new Due(row.get("id", Long.class), row.get("event_id", UUID.class), row.get("merchant_id", UUID.class),
                        row.get("type", String.class), row.get("subject", String.class), row.get("payload", String.class),
                        row.get("created_at", OffsetDateTime.class)))
                .all();
    }

    public Mono<Void> markFannedOut(List<Long> ids) {
        return db.sql("UPDATE outbox_events SET fanned_out_at = now(), fan_out_retry_at = NULL WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .then();
    }

    /** The event, locked, if it is still waiting for fan-out; empty once another pass fanned it out. */
    public Mono<Failed> lockWaiting(long id) {
        return db.sql("SELECT event_id, type, fan_out_attempts FROM outbox_events WHERE id = :id AND fanned_out_at IS NULL FOR UPDATE")
                .bind("id", id)
                .map(row -> new Failed(row.get("event_id", UUID.class), row.get("type", String.class), row.get("fan_out_attempts", Integer.class)))
                .one();
    }

    /**
     * Records a failed attempt: the event is due again after {@code wait}, or, when {@code giveUp}, is
     * taken out of the queue (marked fanned out and given up) until an operator retries it.
     */
    public Mono<Void> setAside(long id, int attempts, String error, Duration wait, boolean giveUp) {
        return db.sql("""
                        UPDATE outbox_events SET fan_out_attempts = :attempts, fan_out_error = :error,
                            fan_out_retry_at = now() + make_interval(secs => :wait),
                            fan_out_gave_up = :giveUp, fanned_out_at = CASE WHEN :giveUp THEN now() END
                        WHERE id = :id
                        """)
                .bind("attempts", attempts).bind("error", error)
                .bind("wait", wait.toMillis() / 1000.0).bind("giveUp", giveUp)
                .bind("id", id)
                .then();
    }
}
