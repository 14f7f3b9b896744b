package io.stowage.api.trackpage;

import java.time.Duration;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Wrong answers to the privacy question, per order, in the database: the limit holds across clients
 * and instances, so a postal code of a few digits cannot be walked through from many addresses.
 */
@Component
class UnlockFailures {

    private final DatabaseClient db;
    private final TrackPageSettings settings;

    UnlockFailures(DatabaseClient db, TrackPageSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Whether the order has taken as many wrong answers in the window as it may. */
    Mono<Boolean> exhausted(UUID orderId) {
        return db.sql("""
                        SELECT count(*) AS failures FROM trackpage_unlock_failures
                        WHERE order_id = :order AND failed_at > clock_timestamp() - make_interval(secs => :window)
                        """)
                .bind("order", orderId).bind("window", (double) settings.unlockWindow().toSeconds())
                .map(row -> row.get("failures", Number.class).intValue()).one()
                .map(failures -> failures >= settings.orderUnlockFailures());
    }

    /** Records a wrong answer, and forgets the order's answers older than a day (they no longer count). */
    Mono<Void> record(UUID orderId) {
        return db.sql("INSERT INTO trackpage_unlock_failures (order_id) VALUES (:order)").bind("order", orderId).then()
                .then(db.sql("DELETE FROM trackpage_unlock_failures WHERE order_id = :order AND failed_at < clock_timestamp() - make_interval(secs => :keep)")
                        .bind("order", orderId).bind("keep", (double) Math.max(settings.unlockWindow().toSeconds(), Duration.ofDays(1).toSeconds()))
                        .then());
    }
}
