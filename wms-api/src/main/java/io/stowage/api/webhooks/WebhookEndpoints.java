package io.stowage.api.webhooks;

import io.r2dbc.spi.Readable;
import io.stowage.api.database.Params;
import io.stowage.api.egress.EgressGuard;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The URLs a merchant wants events sent to, with the event types each one wants. The signing
 * secret is shown when an endpoint is created or its secret rotated, and never again.
 */
@Service
public class WebhookEndpoints {

    static final int MAX_URL_LENGTH = 2000;
    private static final String COLUMNS = "id, url, description, event_types, enabled, disabled_reason, disabled_at, created_at, updated_at";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final WebhookSettings settings;
    private final EgressGuard egress;

    public WebhookEndpoints(DatabaseClient db, TransactionalOperator tx, WebhookSettings settings, EgressGuard egress) {
        this.db = db;
        this.tx = tx;
        this.settings = settings;
        this.egress = egress;
    }

    /** {@code disabledReason} and {@code disabledAt} say why and when the service switched the endpoint off, if it did. */
    public record WebhookEndpoint(UUID id, String url, String description, List<String> eventTypes, boolean enabled,
                                  String disabledReason, OffsetDateTime disabledAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** An endpoint with its signing secret, the one time it is shown. */
    public record EndpointWithSecret(WebhookEndpoint endpoint, String secret) {
    }

    public record NewEndpoint(String url, List<String> eventTypes, String description) {
    }

    /** A partial change: null leaves a field as it is; an empty description removes it. */
    public record EndpointChange(String url, List<String> eventTypes, String description, Boolean enabled) {
    }

    public Mono<EndpointWithSecret> create(UUID merchantId, NewEndpoint request) {
        String url = validUrl(request.url(), egress);
        List<String> eventTypes = EventTypes.validated(request.eventTypes());
        String secret = SigningSecret.generate();
        return db.sql("SELECT count(*) AS n FROM webhook_endpoints WHERE merchant_id = :merchant")
                .bind("merchant", merchantId)
                .map(row -> row.get("n", Long.class)).one()
                .flatMap(count -> count >= settings.maxEndpointsPerMerchant()
                        ? Mono.error(ApiProblem.of(ProblemType.TOO_MANY_WEBHOOK_ENDPOINTS, "A merchant may have at most " + settings.maxEndpointsPerMerchant() + " webhook endpoints; delete one first"))
                        : db.sql("INSERT INTO webhook_endpoints (merchant_id, url, description, event_types, secret) "
                                        + "VALUES (:merchant, :url, :description, :types, :secret) RETURNING " + COLUMNS)
                        .bind("merchant", merchantId).bind("url", url)
                        .bind("description", Params.nullable(blankToNull(request.description()), String.class))
                        .bind("types", eventTypes.toArray(String[]::new)).bind("secret", secret)
                        .map(WebhookEndpoints::endpoint).one())
                .map(endpoint -> new EndpointWithSecret(endpoint, secret))
                .as(tx::transactional);
    }

    public Mono<List<WebhookEndpoint>> list(UUID merchantId) {
        return db.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE merchant_id = :merchant ORDER BY created_at, id")
                .bind("merchant", merchantId)
                .map(WebhookEndpoints::endpoint).all().collectList();
    }

    public Mono<WebhookEndpoint> get(UUID merchantId, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = :id AND merchant_id = :merchant")
                .bind("id", id).bind("merchant", merchantId)
                .map(WebhookEndpoints::endpoint).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Webhook endpoint", id)));
    }

    public Mono<WebhookEndpoint> change(UUID merchantId, UUID id, EndpointChange change) {
        String url = change.url() == null ? null : validUrl(change.url(), egress);
        String[] eventTypes = change.eventTypes() == null ? null : EventTypes.validated(change.eventTypes()).toArray(String[]::new);
        return db.sql("UPDATE webhook_endpoints SET url = coalesce(:url, url), event_types = coalesce(:types, event_types), "
                        + "description = nullif(coalesce(:description, description), ''), enabled = coalesce(:enabled, enabled), "
                        // Turning an endpoint on again forgets why the service had switched it off.
                        + "disabled_reason = CASE WHEN coalesce(:enabled, enabled) THEN NULL ELSE disabled_reason END, "
                        + "disabled_at = CASE WHEN coalesce(:enabled, enabled) THEN NULL ELSE disabled_at END, "
                        + "updated_at = now() WHERE id = :id AND merchant_id = :merchant RETURNING " + COLUMNS)
                .bind("url", Params.nullable(url, String.class))
                .bind("types", Params.nullable(eventTypes, String[].class))
                .bind("description", Params.nullable(change.description() == null ? null : change.description().trim(), String.class))
                .bind("enabled", Params.nullable(change.enabled(), Boolean.class))
                .bind("id", id).bind("merchant", merchantId)
                .map(WebhookEndpoints::endpoint).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Webhook endpoint", id)));
    }

    /** Removes the endpoint with its delivery log; deliveries still pending are not sent. */
    public Mono<Void> delete(UUID merchantId, UUID id) {
        return db.sql("DELETE FROM webhook_endpoints WHERE id = :id AND merchant_id = :merchant")
                .bind("id", id).bind("merchant", merchantId)
                .fetch().rowsUpdated()
                .flatMap(deleted -> deleted == 1 ? Mono.<Void>empty() : Mono.error(ApiProblem.notFound("Webhook endpoint", id)));
    }

    /**
     * A new signing secret. The previous one keeps signing alongside it (a second {@code v1,}
     * signature in the header) for the configured validity, so receivers can switch without losing events.
     */
    public Mono<EndpointWithSecret> rotateSecret(UUID merchantId, UUID id) {
        String secret = SigningSecret.generate();
        return db.sql("UPDATE webhook_endpoints SET previous_secret = secret, "
                        + "previous_secret_expires_at = now() + make_interval(secs => :validity), secret = :secret, updated_at = now() "
                        + "WHERE id = :id AND merchant_id = :merchant RETURNING " + COLUMNS)
                .bind("validity", WebhookSettings.seconds(settings.previousSecretValidity()))
                .bind("secret", secret).bind("id", id).bind("merchant", merchantId)
                .map(WebhookEndpoints::endpoint).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Webhook endpoint", id)))
                .map(endpoint -> new EndpointWithSecret(endpoint, secret));
    }

    /** Absolute http or https URLs with a host; anything else could not be posted to. Local hosts only if allowed. */
    static String validUrl(String url, EgressGuard egress) {
        String trimmed = url == null ? "" : url.trim();
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw ApiProblem.invalid("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw ApiProblem.invalid("url", "must be an absolute http or https URL with a host and no credentials");
            }
            egress.refusal(uri.getHost()).ifPresent(reason -> {
                throw ApiProblem.invalid("url", "must reach the public internet: " + reason);
            });
            return trimmed;
        } catch (URISyntaxException e) {
            throw ApiProblem.invalid("url", "is not a URL: " + e.getReason());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static WebhookEndpoint endpoint(Readable row) {
        return new WebhookEndpoint(row.get("id", UUID.class), row.get("url", String.class), row.get("description", String.class),
                Arrays.asList(row.get("event_types", String[].class)), Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                row.get("disabled_reason", String.class), row.get("disabled_at", OffsetDateTime.class),
                row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
    }
}
