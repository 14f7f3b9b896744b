package io.stowage.api.access;

import io.stowage.api.Published;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Worker sessions past their expiry, for retention: they go in chunks. */
@Component
@Published
public class ExpiredSessions {

    private final DatabaseClient db;

    ExpiredSessions(DatabaseClient db) {
        this.db = db;
    }

    /** Deletes up to {@code chunk} expired sessions, skipping rows another instance has locked; answers how many went. */
    public Mono<Long> delete(int chunk) {
        return db.sql("""
                        DELETE FROM worker_sessions s USING (
                            SELECT token_hash FROM worker_sessions WHERE expires_at < now() LIMIT :chunk FOR UPDATE SKIP LOCKED) old
                        WHERE s.token_hash = old.token_hash
                        """)
                .bind("chunk", chunk)
                .fetch().rowsUpdated();
    }
}
