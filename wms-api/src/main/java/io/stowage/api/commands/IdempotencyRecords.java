package io.stowage.api.commands;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The stored answers of write commands, for retention: old ones go in chunks. */
@Component
public class IdempotencyRecords {

    private final DatabaseClient db;

    IdempotencyRecords(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Deletes up to {@code chunk} records older than {@code age}, skipping rows another instance has
     * locked; answers how many went. Run it inside a transaction.
     */
    public Mono<Long> deleteOlderThan(Duration age, int chunk) {
        return db.sql("""
                        DELETE FROM idempotency_keys k USING (
                            SELECT scope, idempotency_key FROM idempotency_keys
                            WHERE created_at < now() - make_interval(secs => :age)
                            LIMIT :chunk FOR UPDATE SKIP LOCKED) old
                        WHERE k.scope = old.scope AND k.idempotency_key = old.idempotency_key
                        """)
                .bind("age", age.toMillis() / 1000.0).bind("chunk", chunk)
                .fetch().rowsUpdated();
    }
}
