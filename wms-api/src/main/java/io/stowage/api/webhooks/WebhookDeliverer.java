package io.stowage.api.webhooks;

import io.netty.channel.ChannelOption;
import io.stowage.api.database.Params;
import io.stowage.api.egress.EgressGuard;
import io.stowage.api.outbox.OutboxEvents;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends due deliveries as the Standard Webhooks specification describes. A delivery is claimed
 * with {@code FOR UPDATE SKIP LOCKED} in a statement of its own, which pushes it a lease into the
 * future and commits before the request goes out: another instance skips it while the lease runs,
 * and takes it over if this one dies. The outcome is written in one transaction with the attempt.
 */
@Service
public class WebhookDeliverer {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

    static final int MAX_LOGGED_BODY = 1000;
    private static final String USER_AGENT = "Stowage-Webhooks/1";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final JsonMapper json;
    private final WebhookSettings settings;
    private final Backoff backoff;
    private final WebClient client;
    private final OutboxEvents outboxEvents;

    public WebhookDeliverer(DatabaseClient db, TransactionalOperator tx, JsonMapper json, WebhookSettings settings, EgressGuard egress,
                            OutboxEvents outboxEvents) {
        this.db = db;
        this.outboxEvents = outboxEvents;
        this.tx = tx;
        this.json = json;
        this.settings = settings;
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry());
        HttpClient http = egress.guard(HttpClient.create())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.timeout().toMillis())
                .responseTimeout(settings.timeout());
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    private record Claimed(UUID id, UUID leaseId, UUID endpointId, UUID eventId, String url, String secret, String previousSecret,
                           String type, String payload, OffsetDateTime eventCreatedAt) {
    }

    private record Outcome(OffsetDateTime attemptedAt, Integer status, String error, String responseBody, long durationMs) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Claims and sends one batch of due deliveries; answers how many it attempted. */
    public Mono<Integer> deliverDue() {
        return claim()
                .flatMap(claimed -> send(claimed).flatMap(outcome -> record(claimed, outcome)).thenReturn(claimed), settings.batchSize())
                .count()
                .map(Long::intValue);
    }

    private record Lease(UUID id, UUID leaseId, UUID endpointId, UUID eventId, long outboxId, String url, String secret,
                         String previousSecret) {
    }

    /**
     * Claims due deliveries, then reads their events' payloads from the outbox in one batch. An event
     * whose delivery is pending is never deleted (retention keeps it), so every claimed one is found.
     */
    private Flux<Claimed> claim() {
        return db.sql("""
                        WITH due AS (
                            SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                            WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND e.enabled
                            ORDER BY d.next_attempt_at LIMIT :batch
                            FOR UPDATE OF d SKIP LOCKED
                        )
                        UPDATE webhook_deliveries d
                        SET next_attempt_at = now() + make_interval(secs => :lease), lease_id = gen_random_uuid()
                        FROM due, webhook_endpoints e
                        WHERE d.id = due.id AND e.id = d.endpoint_id
                        RETURNING d.id, d.lease_id, d.endpoint_id, d.event_id, d.outbox_id, e.url, e.secret,
                                  CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END AS previous_secret
                        """)
                .bind("batch", settings.batchSize())
                .bind("lease", WebhookSettings.seconds(settings.lease()))
                .map(row -> new Lease(row.get("id", UUID.class), row.get("lease_id", UUID.class), row.get("endpoint_id", UUID.class),
                        row.get("event_id", UUID.class), row.get("outbox_id", Long.class),
                        row.get("url", String.class), row.get("secret", String.class), row.get("previous_secret", String.class)))
                .all().collectList()
                .flatMapMany(leases -> leases.isEmpty() ? Flux.empty() : outboxEvents.byIds(leases.stream().map(Lease::outboxId).toList())
                        .flatMapMany(events -> Flux.fromIterable(leases)
                                .filter(lease -> events.containsKey(lease.outboxId()))
                                .map(lease -> {
                                    OutboxEvents.Stored event = events.get(lease.outboxId());
                                    return new Claimed(lease.id(), lease.leaseId(), lease.endpointId(), lease.eventId(), lease.url(),
                                            lease.secret(), lease.previousSecret(), event.type(), event.payload(), event.createdAt());
                                })));
    }

    private Mono<Outcome> send(Claimed delivery) {
        return Mono.defer(() -> {
            byte[] body = message(delivery);
            String webhookId = delivery.eventId().toString();
            long timestamp = Instant.now().getEpochSecond();
            String signature = SigningSecret.sign(delivery.secret(), webhookId, timestamp, body)
                    + (delivery.previousSecret() == null ? "" : " " + SigningSecret.sign(delivery.previousSecret(), webhookId, timestamp, body));
            OffsetDateTime attemptedAt = OffsetDateTime.now(ZoneOffset.UTC);
            long started = System.nanoTime();
            return client.post().uri(URI.create(delivery.url()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .header(HttpHeaders.USER_AGENT, USER_AGENT)
                    .bodyValue(body)
                    .exchangeToMono(response -> response.bodyToMono(String.class)
                            .onErrorResume(e -> Mono.just("(unreadable response body: " + e.getMessage() + ")"))
                            .defaultIfEmpty("")
                            .map(text -> new Outcome(attemptedAt, response.statusCode().value(), null, truncate(text), elapsedMillis(started))))
                    .timeout(settings.timeout())
                    .onErrorResume(e -> Mono.just(new Outcome(attemptedAt, null, describe(e), null, elapsedMillis(started))));
        });
    }

    /** The body the specification describes: the type, when it happened, and the event's data. */
    private byte[] message(Claimed delivery) {
        ObjectNode message = json.createObjectNode();
        message.put("type", delivery.type());
        message.put("timestamp", delivery.eventCreatedAt().toInstant().toString());
        message.set("data", json.readTree(delivery.payload()));
        return json.writeValueAsBytes(message);
    }

    private Mono<Void> record(Claimed delivery, Outcome outcome) {
        Mono<Void> attempt = db.sql("""
                        INSERT INTO webhook_delivery_attempts (delivery_id, attempted_at, response_status, duration_ms, error, response_body)
                        SELECT id, :at, :status, :duration, :error, :body FROM webhook_deliveries WHERE id = :id
                        """)
                .bind("at", outcome.attemptedAt())
                .bind("status", Params.nullable(outcome.status(), Integer.class))
                .bind("duration", (int) Math.min(Integer.MAX_VALUE, outcome.durationMs()))
                .bind("error", Params.nullable(outcome.error(), String.class))
                .bind("body", Params.nullable(outcome.responseBody(), String.class))
                .bind("id", delivery.id())
                .then();
        Mono<Integer> attempts = db.sql("UPDATE webhook_deliveries SET attempt_count = attempt_count + 1 WHERE id = :id RETURNING attempt_count")
                .bind("id", delivery.id())
                .map(row -> row.get("attempt_count", Integer.class)).one();
        // Only the claim that still holds the lease decides the status; a replay or a takeover cleared or replaced it.
        return attempt.then(attempts)
                .flatMap(count -> outcome.delivered()
                        ? db.sql("UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), lease_id = NULL "
                                        + "WHERE id = :id AND lease_id = :lease")
                        .bind("id", delivery.id()).bind("lease", delivery.leaseId()).then()
                        : db.sql("UPDATE webhook_deliveries SET status = CASE WHEN now() >= give_up_at THEN 'failed' ELSE 'pending' END, "
                                        + "next_attempt_at = now() + make_interval(secs => :delay), lease_id = NULL "
                                        + "WHERE id = :id AND lease_id = :lease RETURNING status")
                        .bind("delay", WebhookSettings.seconds(backoff.afterAttempt(count)))
                        .bind("id", delivery.id()).bind("lease", delivery.leaseId())
                        .map(row -> row.get("status", String.class)).one()
                        .filter("failed"::equals)
                        .flatMap(failed -> disableIfDead(delivery.endpointId())))
                .as(tx::transactional);
    }

    /**
     * After a delivery was given up: an endpoint that has delivered nothing for {@code disable-after}
     * while a delivery older than that failed is switched off, with the reason, until its merchant turns
     * it back on. Its pending deliveries wait; they are sent once it is on again, if still inside their window.
     */
    private Mono<Void> disableIfDead(UUID endpointId) {
        return db.sql("""
                        UPDATE webhook_endpoints e
                        SET enabled = false, disabled_at = now(), updated_at = now(),
                            disabled_reason = 'every delivery failed for ' || :window || '; turn it back on once the receiver answers 2xx'
                        WHERE e.id = :endpoint AND e.enabled
                          AND EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.status = 'failed'
                                        AND d.created_at <= now() - make_interval(secs => :after))
                          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.status = 'delivered'
                                            AND d.delivered_at > now() - make_interval(secs => :after))
                        RETURNING e.id
                        """)
                .bind("endpoint", endpointId).bind("after", WebhookSettings.seconds(settings.disableAfter()))
                .bind("window", readable(settings.disableAfter()))
                .map(row -> row.get("id", UUID.class)).one()
                .doOnNext(disabled -> log.warn("Webhook endpoint {} disabled: every delivery failed for {}", disabled, settings.disableAfter()))
                .then();
    }

    /** The largest whole unit, as the reason reads to a merchant: "5 days", "12 hours", "3 seconds". */
    private static String readable(Duration duration) {
        if (duration.toDays() > 0) {
            return duration.toDays() + " day(s)";
        }
        if (duration.toHours() > 0) {
            return duration.toHours() + " hour(s)";
        }
        return duration.toMinutes() > 0 ? duration.toMinutes() + " minute(s)" : duration.toSeconds() + " second(s)";
    }

    private static long elapsedMillis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_LOGGED_BODY ? text : text.substring(0, MAX_LOGGED_BODY);
    }

    private String describe(Throwable e) {
        if (e instanceof TimeoutException || e instanceof io.netty.handler.timeout.ReadTimeoutException
                || e.getCause() instanceof io.netty.handler.timeout.ReadTimeoutException) {
            return "no answer within " + settings.timeout().toMillis() + " ms";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return truncate(message);
    }
}
