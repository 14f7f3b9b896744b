package io.stowage.api.webhooks;

import io.stowage.api.database.Params;
import io.stowage.api.paging.Page;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A merchant's own outbox events, newest first: what happened, whether or not an endpoint wanted it. */
@Service
public class EventLog {

    private final DatabaseClient db;
    private final JsonMapper json;

    public EventLog(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public record Event(UUID eventId, String type, String subject, JsonNode data, OffsetDateTime createdAt) {
    }

    private record Row(long id, Event event) {
    }

    /**
     * @param type an exact type, a family such as {@code order.*}, or null for all
     * @param beforeId the cursor's position, {@link Long#MAX_VALUE} for the first page
     */
    public Mono<Page<Event>> list(UUID merchantId, String type, long beforeId, int limit) {
        String exact = type == null || type.endsWith(".*") ? null : type;
        String family = type != null && type.endsWith(".*") ? type.substring(0, type.length() - 1) : null;
        return db.sql("""
                        SELECT id, event_id, type, subject, payload::text AS payload, created_at FROM outbox_events
                        WHERE merchant_id = :merchant AND id < :before
                          AND (CAST(:exact AS text) IS NULL OR type = :exact)
                          AND (CAST(:family AS text) IS NULL OR starts_with(type, :family))
                        ORDER BY id DESC LIMIT :limit
                        """)
                .bind("merchant", merchantId).bind("before", beforeId)
                .bind("exact", Params.nullable(exact, String.class))
                .bind("family", Params.nullable(family, String.class))
                .bind("limit", limit + 1)
                .map(row -> new Row(row.get("id", Long.class), new Event(row.get("event_id", UUID.class), row.get("type", String.class),
                        row.get("subject", String.class), json.readTree(row.get("payload", String.class)),
                        row.get("created_at", OffsetDateTime.class))))
                .all().collectList()
                .map(rows -> {
                    Page<Row> page = Page.of(rows, limit, row -> Long.toString(row.id()));
                    return new Page<>(page.items().stream().map(Row::event).toList(), page.nextCursor());
                });
    }
}
