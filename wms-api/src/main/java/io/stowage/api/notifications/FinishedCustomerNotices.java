package io.stowage.api.notifications;

import io.stowage.api.Published;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Customer notices sent, failed or cancelled, for retention: each holds a customer's address or phone
 * and the words sent to them, kept while the merchant may ask whether the customer was told. A row
 * is also what keeps a notice to once, so it must outlive every replay of its outbox event: its
 * retention is never shorter than the events' (see {@code retention.RetentionSettings}). Pending
 * notices always stay.
 */
@Component
@Published
public class FinishedCustomerNotices {

    private final DatabaseClient db;

    FinishedCustomerNotices(DatabaseClient db) {
        this.db = db;
    }

    /** Deletes up to {@code chunk} finished notices older than {@code age}, skipping rows another instance has locked. */
    public Mono<Long> deleteOlderThan(Duration age, int chunk) {
        return db.sql("""
                        DELETE FROM customer_notices n USING (
                            SELECT id FROM customer_notices
                            WHERE status <> 'pending' AND created_at < now() - make_interval(secs => :age)
                            LIMIT :chunk FOR UPDATE SKIP LOCKED) old
                        WHERE n.id = old.id
                        """)
                .bind("age", age.toMillis() / 1000.0).bind("chunk", chunk)
                .fetch().rowsUpdated();
    }
}
