package io.stowage.api.webhooks;

import io.r2dbc.spi.Readable;
import io.stowage.api.database.Params;
import io.stowage.api.outbox.OutboxEvents;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The delivery log a merchant reads, and replays of an event to its endpoints. */
@Service
public class WebhookDeliveries {

    private final DatabaseClient db;
    private final WebhookEndpoints endpoints;
    private final WebhookSettings settings;
    private final OutboxEvents outboxEvents;

    public WebhookDeliveries(DatabaseClient db, WebhookEndpoints endpoints, WebhookSettings settings, OutboxEvents outboxEvents) {
        this.outboxEvents = outboxEvents;
        this.db = db;
        this.endpoints = endpoints;
        this.settings = settings;
    }

    public record Attempt(OffsetDateTime attemptedAt, Integer responseStatus, int durationMs, String error, String responseBody) {
    }

    /** {@code nextAttemptAt} is set while the delivery is pending. */
    public record Delivery(UUID id, UUID endpointId, UUID eventId, String eventType, DeliveryStatus status, int attemptCount,
                           OffsetDateTime nextAttemptAt, OffsetDateTime createdAt, OffsetDateTime deliveredAt, List<Attempt> attempts) {
    }

    public record DeliveryFilter(UUID endpointId, UUID eventId, String eventType, DeliveryStatus status) {
    }

    public record ReplayedDelivery(UUID id, UUID endpointId) {
    }

    public record Replay(UUID eventId, List<ReplayedDelivery> deliveries) {
    }

    private record Row(long seq, Delivery delivery) {
    }

    /** Newest first; {@code beforeSeq} is the cursor's position, {@link Long#MAX_VALUE} for the first page. */
    public Mono<Page<Delivery>> list(UUID merchantId, DeliveryFilter filter, long beforeSeq, int limit) {
        return db.sql("""
                        SELECT id, seq, endpoint_id, event_id, event_type, status, attempt_count, next_attempt_at, created_at, delivered_at
                        FROM webhook_deliveries
                        WHERE merchant_id = :merchant AND seq < :before
                          AND (CAST(:endpoint AS uuid) IS NULL OR endpoint_id = :endpoint)
                          AND (CAST(:event AS uuid) IS NULL OR event_id = :event)
                          AND (CAST(:type AS text) IS NULL OR event_type = :type)
                          AND (CAST(:status AS text) IS NULL OR status = :status)
                        ORDER BY seq DESC LIMIT :limit
                        """)
                .bind("merchant", merchantId).bind("before", beforeSeq)
                .bind("endpoint", Params.nullable(filter.endpointId(), UUID.class))
                .bind("event", Params.nullable(filter.eventId(), UUID.class))
                .bind("type", Params.nullable(filter.eventType(), String.class))
                .bind("status", Params.nullable(filter.status() == null ? null : filter.status().column(), String.class))
                .bind("limit", limit + 1)
                .map(row -> new Row(row.get("seq", Long.class), delivery(row)))
                .all().collectList()
                .flatMap(this::withAttempts)
                .map(rows -> {
                    Page<Row> page = Page.of(rows, limit, row -> Long.toString(row.seq()));
                    return new Page<>(page.items().stream().map(Row::delivery).toList(), page.nextCursor());
                });
    }

    public Mono<Delivery> get(UUID merchantId, UUID id) {
        return db.sql("""
                        SELECT id, seq, endpoint_id, event_id, event_type, status, attempt_count, next_attempt_at, created_at, delivered_at
                        FROM webhook_deliveries WHERE id = :id AND merchant_id = :merchant
                        """)
                .bind("id", id).bind("merchant", merchantId)
                .map(row -> new Row(row.get("seq", Long.class), delivery(row)))
                .all().collectList()
                .flatMap(this::withAttempts)
                .flatMap(rows -> rows.isEmpty() ? Mono.error(ApiProblem.notFound("Webhook delivery", id)) : Mono.just(rows.get(0).delivery()));
    }

    /**
     * Sends the event again: to one endpoint when named (even one that did not subscribe to the
     * type), otherwise to every enabled endpoint that subscribes to it now. A delivery that exists
     * starts over with a fresh retry window; its earlier attempts stay in the log.
     */
    public Mono<Replay> replay(UUID merchantId, UUID eventId, UUID endpointId) {
        Mono<Void> endpointExists = endpointId == null ? Mono.empty() : endpoints.get(merchantId, endpointId).then();
        return endpointExists.then(outboxEvents.byEventId(merchantId, eventId)
                        .map(event -> Map.entry(event.id(), event.type()))
                        .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Event", eventId))))
                .flatMap(event -> db.sql("INSERT INTO webhook_deliveries (merchant_id, endpoint_id, outbox_id, event_id, event_type, status, give_up_at) "
                                + "SELECT e.merchant_id, e.id, :outbox, :event, :type, 'pending', now() + make_interval(secs => :window) "
                                + "FROM webhook_endpoints e WHERE e.merchant_id = :merchant AND "
                                + (endpointId == null ? "e.enabled AND " + EventTypes.MATCHES_SQL : "e.id = :endpoint")
                                + " ON CONFLICT (event_id, endpoint_id) DO UPDATE SET status = 'pending', next_attempt_at = now(), "
                                + "give_up_at = EXCLUDED.give_up_at, lease_id = NULL, delivered_at = NULL "
                                + "RETURNING id, endpoint_id")
                        .bind("outbox", event.getKey()).bind("event", eventId).bind("type", event.getValue())
                        .bind("window", WebhookSettings.seconds(settings.retryWindow()))
                        .bind("merchant", merchantId)
                        .bindValues(endpointId == null ? Map.of() : Map.of("endpoint", endpointId))
                        .map(row -> new ReplayedDelivery(row.get("id", UUID.class), row.get("endpoint_id", UUID.class)))
                        .all().collectList())
                .map(deliveries -> new Replay(eventId, deliveries));
    }

    private Mono<List<Row>> withAttempts(List<Row> rows) {
        if (rows.isEmpty()) {
            return Mono.just(rows);
        }
        UUID[] ids = rows.stream().map(row -> row.delivery().id()).toArray(UUID[]::new);
        return db.sql("""
                        SELECT delivery_id, attempted_at, response_status, duration_ms, error, response_body
                        FROM webhook_delivery_attempts WHERE delivery_id = ANY(:ids) ORDER BY id
                        """)
                .bind("ids", ids)
                .map(row -> Map.entry(row.get("delivery_id", UUID.class), new Attempt(row.get("attempted_at", OffsetDateTime.class),
                        row.get("response_status", Integer.class), row.get("duration_ms", Integer.class),
                        row.get("error", String.class), row.get("response_body", String.class))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())))
                .map(attempts -> rows.stream().map(row -> {
                    Delivery d = row.delivery();
                    return new Row(row.seq(), new Delivery(d.id(), d.endpointId(), d.eventId(), d.eventType(), d.status(), d.attemptCount(),
                            d.nextAttemptAt(), d.createdAt(), d.deliveredAt(), attempts.getOrDefault(d.id(), List.of())));
                }).toList());
    }

    private static Delivery delivery(Readable row) {
        DeliveryStatus status = DeliveryStatus.valueOf(row.get("status", String.class).toUpperCase(Locale.ROOT));
        return new Delivery(row.get("id", UUID.class), row.get("endpoint_id", UUID.class), row.get("event_id", UUID.class),
                row.get("event_type", String.class), status, row.get("attempt_count", Integer.class),
                status == DeliveryStatus.PENDING ? row.get("next_attempt_at", OffsetDateTime.class) : null,
                row.get("created_at", OffsetDateTime.class), row.get("delivered_at", OffsetDateTime.class), List.of());
    }
}
