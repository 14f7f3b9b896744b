package io.stowage.api.tracking;

import io.stowage.carriers.tracking.ProcessedWebhookStore;
import java.util.concurrent.CompletionStage;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The library's {@link ProcessedWebhookStore} over PostgreSQL: an event id is new when its row goes
 * in, on any instance, after any restart. The insert runs on R2DBC and the library is handed its
 * answer as a stage, so no thread waits for the database. When storing the webhook's events fails
 * afterwards, {@link #forget} takes the receipt back, so the carrier's retry is taken rather than
 * dropped as a duplicate.
 */
@Component
class DatabaseWebhookStore implements ProcessedWebhookStore {

    private final DatabaseClient db;

    DatabaseWebhookStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public CompletionStage<Boolean> recordIfNew(String carrierCode, String eventId) {
        return db.sql("""
                        INSERT INTO carrier_webhook_receipts (carrier_code, event_id) VALUES (:carrier, :event)
                        ON CONFLICT (carrier_code, event_id) DO NOTHING
                        """)
                .bind("carrier", carrierCode).bind("event", eventId)
                .fetch().rowsUpdated().map(inserted -> inserted == 1).toFuture();
    }

    Mono<Void> forget(String carrierCode, String eventId) {
        return db.sql("DELETE FROM carrier_webhook_receipts WHERE carrier_code = :carrier AND event_id = :event")
                .bind("carrier", carrierCode).bind("event", eventId).then();
    }
}
