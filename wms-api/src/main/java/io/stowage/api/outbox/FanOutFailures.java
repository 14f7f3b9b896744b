package io.stowage.api.outbox;

import io.r2dbc.spi.Readable;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The operator's view of events the fan-out (webhooks' {@code OutboxFanOut}) could not hand on: those
 * set aside and waiting for their next attempt, and those given up, which can be made due again once
 * the cause is fixed. The outbox's rows, read and reset here by their owner.
 */
@Service
public class FanOutFailures {

    private static final String COLUMNS = "id, event_id, merchant_id, type, subject, fan_out_attempts, fan_out_error, fan_out_gave_up, "
            + "fan_out_retry_at, created_at";

    private final DatabaseClient db;

    FanOutFailures(DatabaseClient db) {
        this.db = db;
    }

    /** An event whose fan-out failed; {@code nextAttemptAt} is null once it was given up. */
    public record FailedEvent(UUID eventId, UUID merchantId, String type, String subject, int attempts, String error, boolean givenUp,
                       OffsetDateTime nextAttemptAt, OffsetDateTime createdAt) {
    }

    private record Row(long id, FailedEvent event) {

        static Row of(Readable row) {
            boolean givenUp = Boolean.TRUE.equals(row.get("fan_out_gave_up", Boolean.class));
            return new Row(row.get("id", Long.class), new FailedEvent(row.get("event_id", UUID.class), row.get("merchant_id", UUID.class),
                    row.get("type", String.class), row.get("subject", String.class), row.get("fan_out_attempts", Integer.class),
                    row.get("fan_out_error", String.class), givenUp, givenUp ? null : row.get("fan_out_retry_at", OffsetDateTime.class),
                    row.get("created_at", OffsetDateTime.class)));
        }
    }

    /** Newest first; {@code beforeId} is the cursor's position, {@link Long#MAX_VALUE} for the first page. */
    public Mono<Page<FailedEvent>> list(boolean givenUpOnly, long beforeId, int limit) {
        return db.sql("SELECT " + COLUMNS + """
                         FROM outbox_events
                        WHERE fan_out_attempts > 0 AND id < :before
                          AND (fan_out_gave_up OR (NOT :givenUpOnly AND fanned_out_at IS NULL))
                        ORDER BY id DESC LIMIT :limit
                        """)
                .bind("before", beforeId).bind("givenUpOnly", givenUpOnly).bind("limit", limit + 1)
                .map(Row::of)
                .all().collectList()
                .map(rows -> {
                    Page<Row> page = Page.of(rows, limit, row -> Long.toString(row.id()));
                    return new Page<>(page.items().stream().map(Row::event).toList(), page.nextCursor());
                });
    }

    /** Makes a given-up event due again with a fresh count of attempts; the next fan-out pass takes it. */
    public Mono<FailedEvent> retry(UUID eventId) {
        return db.sql("UPDATE outbox_events SET fanned_out_at = NULL, fan_out_gave_up = false, fan_out_attempts = 0, fan_out_retry_at = NULL "
                        + "WHERE event_id = :event AND fan_out_gave_up RETURNING " + COLUMNS)
                .bind("event", eventId)
                .map(row -> Row.of(row).event())
                .one()
                .switchIfEmpty(Mono.defer(() -> db.sql("SELECT 1 FROM outbox_events WHERE event_id = :event").bind("event", eventId)
                        .fetch().one()
                        .flatMap(exists -> Mono.<FailedEvent>error(ApiProblem.of(ProblemType.EVENT_NOT_GIVEN_UP, "Event " + eventId + " is not a given-up fan-out; only those can be retried")))
                        .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Event", eventId)))));
    }
}
