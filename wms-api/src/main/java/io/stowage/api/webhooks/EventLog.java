package io.stowage.api.webhooks;

import io.stowage.api.outbox.OutboxEvents;
import io.stowage.api.paging.Page;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A merchant's own outbox events, newest first: what happened, whether or not an endpoint wanted it. */
@Service
public class EventLog {

    private final OutboxEvents events;
    private final JsonMapper json;

    public EventLog(OutboxEvents events, JsonMapper json) {
        this.events = events;
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
        return events.newestFirst(merchantId, exact, family, beforeId, limit + 1)
                .map(stored -> stored.stream().map(event -> new Row(event.id(), new Event(event.eventId(), event.type(), event.subject(),
                        json.readTree(event.payload()), event.createdAt()))).toList())
                .map(rows -> {
                    Page<Row> page = Page.of(rows, limit, row -> Long.toString(row.id()));
                    return new Page<>(page.items().stream().map(Row::event).toList(), page.nextCursor());
                });
    }
}
