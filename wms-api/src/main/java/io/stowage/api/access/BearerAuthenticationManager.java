package io.stowage.api.access;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves a bearer secret to its caller. The prefix says where to look: {@code sk_} merchant API
 * keys, {@code wt_} worker session tokens, anything else the admin key. Only hashes are compared.
 */
@Component
class BearerAuthenticationManager implements ReactiveAuthenticationManager {

    private final DatabaseClient db;
    private final AdminKey adminKey;

    BearerAuthenticationManager(DatabaseClient db, AdminKey adminKey) {
        this.db = db;
        this.adminKey = adminKey;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String secret = String.valueOf(authentication.getCredentials());
        Mono<Caller> caller;
        if (secret.startsWith(ApiKeys.PREFIX)) {
            caller = merchant(secret);
        } else if (secret.startsWith(WorkerSessions.PREFIX)) {
            caller = worker(secret);
        } else {
            caller = adminKey.matches(secret).flatMap(ok -> ok ? Mono.just(new Caller.Admin()) : Mono.empty());
        }
        return caller
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("The bearer token is not valid, revoked or expired")))
                .map(CallerAuthentication::new);
    }

    private Mono<Caller> merchant(String secret) {
        return db.sql("SELECT id, merchant_id FROM api_keys WHERE secret_hash = :hash AND revoked_at IS NULL")
                .bind("hash", Secrets.sha256(secret))
                .map(row -> (Caller) new Caller.Merchant(row.get("merchant_id", UUID.class), row.get("id", UUID.class)))
                .one();
    }

    private Mono<Caller> worker(String secret) {
        return db.sql("""
                        SELECT w.id, w.badge_code, w.name, w.node_id, w.roles, s.device_id
                        FROM worker_sessions s JOIN workers w ON w.id = s.worker_id
                        WHERE s.token_hash = :hash AND s.expires_at > :now AND w.active
                        """)
                .bind("hash", Secrets.sha256(secret))
                .bind("now", OffsetDateTime.now())
                .map(row -> (Caller) new Caller.Worker(
                        row.get("id", UUID.class),
                        row.get("badge_code", String.class),
                        row.get("name", String.class),
                        row.get("node_id", UUID.class),
                        WorkerRole.parseAll(row.get("roles", String[].class)),
                        row.get("device_id", String.class)))
                .one();
    }
}
