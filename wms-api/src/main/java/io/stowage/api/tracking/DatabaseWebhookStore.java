package io.stowage.api.tracking;

import io.stowage.carriers.tracking.ProcessedWebhookStore;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The library's {@link ProcessedWebhookStore} over PostgreSQL: an event id is new when its row goes
 * in, on any instance, after any restart. The library's interface is blocking, so it is only called
 * from the carrier-call scheduler ({@link CarrierCalls}), never on an event loop. When storing the
 * webhook's events fails afterwards, {@link #forget} takes the receipt back, so the carrier's retry
 * is taken rather than dropped as a duplicate.
 */
@Component
class DatabaseWebhookStore implements ProcessedWebhookStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseClient db;

    DatabaseWebhookStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public boolean recordIfNew(String carrierCode, String eventId) {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("the webhook store blocks; call it on the carrier-call scheduler");
        }
        Long inserted = db.sql("""
                        INSERT INTO carrier_webhook_receipts (carrier_code, event_id) VALUES (:carrier, :event)
                        ON CONFLICT (carrier_code, event_id) DO NOTHING
                        """)
                .bind("carrier", carrierCode).bind("event", eventId)
                .fetch().rowsUpdated().block(TIMEOUT);
        return inserted != null && inserted == 1;
    }

    Mono<Void> forget(String carrierCode, String eventId) {
        return db.sql("DELETE FROM carrier_webhook_receipts WHERE carrier_code = :carrier AND event_id = :event")
                .bind("carrier", carrierCode).bind("event", eventId).then();
    }
}
