package io.stowage.api.access;

import io.stowage.api.Published;
import io.stowage.api.problem.ApiProblem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Merchants' API keys: issued with the secret shown once, listed without it, revoked for good. */
@Service
@Published
public class ApiKeys {

    static final String PREFIX = "sk_";

    private final DatabaseClient db;

    public ApiKeys(DatabaseClient db) {
        this.db = db;
    }

    /** A key as listed: never the secret. */
    public record ApiKey(UUID id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    /** A key just issued: the only time its secret is shown. */
    public record IssuedApiKey(UUID id, String name, String prefix, String secret) {
    }

    public Mono<IssuedApiKey> issue(UUID merchantId, String name) {
        return register(merchantId, name, Secrets.newSecret(PREFIX));
    }

    /** Stores a key whose secret the caller chose, such as the demo's well-known key. */
    public Mono<IssuedApiKey> register(UUID merchantId, String name, String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() < 16) {
            return Mono.error(new IllegalArgumentException("An API key starts with " + PREFIX + " and has at least 16 characters"));
        }
        String shownPrefix = secret.substring(0, 10);
        return db.sql("""
                        INSERT INTO api_keys (merchant_id, name, prefix, secret_hash)
                        VALUES (:merchant, :name, :prefix, :hash) RETURNING id
                        """)
                .bind("merchant", merchantId).bind("name", name).bind("prefix", shownPrefix).bind("hash", Secrets.sha256(secret))
                .map(row -> new IssuedApiKey(row.get("id", UUID.class), name, shownPrefix, secret))
                .one();
    }

    public Mono<List<ApiKey>> list(UUID merchantId) {
        return db.sql("SELECT id, name, prefix, created_at, revoked_at FROM api_keys WHERE merchant_id = :merchant ORDER BY created_at, id")
                .bind("merchant", merchantId)
                .map(row -> new ApiKey(row.get("id", UUID.class), row.get("name", String.class), row.get("prefix", String.class),
                        row.get("created_at", OffsetDateTime.class), row.get("revoked_at", OffsetDateTime.class)))
                .all().collectList();
    }

    public Mono<Void> revoke(UUID merchantId, UUID keyId) {
        return db.sql("UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = :id AND merchant_id = :merchant")
                .bind("id", keyId).bind("merchant", merchantId)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : Mono.error(ApiProblem.notFound("API key", keyId)));
    }
}
