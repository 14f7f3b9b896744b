package io.stowage.api.notifications;

import io.stowage.api.Published;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Emails sent or given up, for retention: old ones go in chunks; pending ones always stay. */
@Component
@Published
public class FinishedEmails {

    private final DatabaseClient db;

    FinishedEmails(DatabaseClient db) {
        this.db = db;
    }

    /** Deletes up to {@code chunk} finished emails older than {@code age}, skipping rows another instance has locked. */
    public Mono<Long> deleteOlderThan(Duration age, int chunk) {
        return db.sql("""
                        DELETE FROM notification_emails m USING (
                            SELECT id FROM notification_emails
                            WHERE status <> 'pending' AND created_at < now() - make_interval(secs => :age)
                            LIMIT :chunk FOR UPDATE SKIP LOCKED) old
                        WHERE m.id = old.id
                        """)
                .bind("age", age.toMillis() / 1000.0).bind("chunk", chunk)
                .fetch().rowsUpdated();
    }
}
