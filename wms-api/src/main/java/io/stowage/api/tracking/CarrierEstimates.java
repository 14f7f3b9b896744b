package io.stowage.api.tracking;

import io.stowage.api.Published;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The carriers' own delivery estimates ({@code carrier_estimates}), for retention. An estimate
 * only matters while its parcel travels, and the page reads none said before the parcel's label
 * ({@link ParcelLedger}), so old ones go in chunks; each parcel's newest estimate replaces its
 * older ones as it comes, so the table holds one row per parcel until then.
 */
@Component
@Published
public class CarrierEstimates {

    private final DatabaseClient db;

    CarrierEstimates(DatabaseClient db) {
        this.db = db;
    }

    /** Deletes up to {@code chunk} estimates said longer than {@code age} ago, skipping rows another instance has locked. */
    public Mono<Long> deleteOlderThan(Duration age, int chunk) {
        return db.sql("""
                        DELETE FROM carrier_estimates e USING (
                            SELECT carrier_code, tracking_number FROM carrier_estimates
                            WHERE reported_at < now() - make_interval(secs => :age)
                            ORDER BY reported_at
                            LIMIT :chunk FOR UPDATE SKIP LOCKED) old
                        WHERE e.carrier_code = old.carrier_code AND e.tracking_number = old.tracking_number
                        """)
                .bind("age", age.toMillis() / 1000.0).bind("chunk", chunk)
                .fetch().rowsUpdated();
    }
}
