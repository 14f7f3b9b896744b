package io.stowage.api.access;

import io.stowage.api.Published;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The bootstrap administrator key. {@code STOWAGE_ADMIN_KEY} wins when set; otherwise a key is
 * generated at the very first start, printed once, and only its hash is kept in {@code settings}.
 */
@Component
@Published
public class AdminKey {

    private static final Logger log = LoggerFactory.getLogger(AdminKey.class);
    private static final String SETTING = "admin_key_sha256";

    private final DatabaseClient db;
    private final Optional<byte[]> configured;
    private final AtomicReference<byte[]> stored = new AtomicReference<>();

    public AdminKey(DatabaseClient db, @Value("${stowage.admin-key:}") String configuredKey) {
        this.db = db;
        this.configured = configuredKey.isBlank() ? Optional.empty() : Optional.of(Secrets.sha256(configuredKey));
    }

    public Mono<Boolean> matches(String presented) {
        byte[] hash = Secrets.sha256(presented);
        if (configured.isPresent()) {
            return Mono.just(Secrets.sameHash(configured.get(), hash));
        }
        return storedHash().map(known -> Secrets.sameHash(known, hash)).defaultIfEmpty(false);
    }

    /**
     * Makes sure a key exists. Returns the new key when this start generated it (so it can be
     * printed once), empty otherwise. Several instances starting together agree on one key.
     */
    public Mono<String> ensureExists() {
        if (configured.isPresent()) {
            return Mono.empty();
        }
        String candidate = Secrets.newSecret("ak_");
        return db.sql("INSERT INTO settings (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .bind("name", SETTING)
                .bind("value", HexFormat.of().formatHex(Secrets.sha256(candidate)))
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 1 ? Mono.just(candidate) : Mono.empty())
                .doOnNext(key -> log.info("Generated the admin key"));
    }

    private Mono<byte[]> storedHash() {
        byte[] cached = stored.get();
        if (cached != null) {
            return Mono.just(cached);
        }
        return db.sql("SELECT value FROM settings WHERE name = :name").bind("name", SETTING)
                .map(row -> HexFormat.of().parseHex(row.get("value", String.class)))
                .one()
                .doOnNext(stored::set);
    }
}
