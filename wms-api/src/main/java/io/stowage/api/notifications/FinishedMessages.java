package io.stowage.api.notifications;

import io.stowage.api.Published;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Messages sent, failed or cancelled, for retention: old ones go in chunks; pending ones always stay.
 * Both kinds hold an address and the words sent to it.
 */
@Component
@Published
public class FinishedMessages {

    /** The kinds of message kept, each in its table. */
    public enum Kind {
        /** The merchant's emails (back in stock and the like). */
        EMAILS("notification_emails"),
        /**
         * Customer notices. A row is also what keeps a notice to once, so it must outlive every replay of
         * its outbox event: its retention is never shorter than the events' (see {@code retention.RetentionSettings}).
         */
        CUSTOMER_NOTICES("customer_notices");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    private final DatabaseClient db;

    FinishedMessages(DatabaseClient db) {
        this.db = db;
    }

    /** Deletes up to {@code chunk} finished messages of the kind older than {@code age}, skipping rows another instance has locked. */
    public Mono<Long> deleteOlderThan(Kind kind, Duration age, int chunk) {
        // The table is one of the enum's constants, never input.
        return db.sql("""
                        DELETE FROM %1$s m USING (
                            SELECT id FROM %1$s
                            WHERE status <> 'pending' AND created_at < now() - make_interval(secs => :age)
                            LIMIT :chunk FOR UPDATE SKIP LOCKED) old
                        WHERE m.id = old.id
                        """.formatted(kind.table))
                .bind("age", age.toMillis() / 1000.0).bind("chunk", chunk)
                .fetch().rowsUpdated();
    }
}
