package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A carrier's scan that arrives while the shipment's tracking is being started (its row written but
 * not yet committed) is worked into the shipment once the start commits. Before the parcel lock the
 * scan was stored, found no tracked shipment to refresh, and the start, which had read the scans
 * before it, left the shipment on its old status for good.
 */
class ScanWhileTrackingStartsTest extends ApiTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient db;

    @Autowired
    TrackingStart trackingStart;

    @Autowired
    TransactionalOperator tx;

    @Test
    void aScanRecordedWhileTrackingStartsIsWorkedIntoTheShipment() throws Exception {
        TrackedShipment shipment = TrackedShipment.labelled(this, context, null);
        // As if the outbox had not handed shipment.created to tracking yet.
        db.sql("DELETE FROM shipment_tracking WHERE shipment_id = :id").bind("id", shipment.id).then().block();
        OutboxEvent created = new OutboxEvent(0, UUID.randomUUID(), null, EventTypes.SHIPMENT_CREATED, shipment.id.toString(),
                "{\"shipment_id\":\"" + shipment.id + "\"}", OffsetDateTime.now(ZoneOffset.UTC));

        CompletableFuture<Void> written = new CompletableFuture<>();
        CompletableFuture<Void> commit = new CompletableFuture<>();
        CompletableFuture<Void> starting = trackingStart.handle(created)
                .then(Mono.fromRunnable(() -> written.complete(null)))
                .then(Mono.fromFuture(commit))
                .as(tx::transactional).toFuture();
        written.get(60, TimeUnit.SECONDS);

        CompletableFuture<Void> scan = CompletableFuture.runAsync(
                () -> shipment.news.scan("ADDRESS_NOT_FOUND", "Address could not be found", "Vilnius hub"));
        // The scan waits for the start's parcel lock (without the lock it is stored at once); then the start commits.
        Eventually.await(() -> scan.isDone() || aRecordingWaitsForAParcelLock());
        commit.complete(null);
        starting.get(60, TimeUnit.SECONDS);
        scan.get(60, TimeUnit.SECONDS);

        assertThat(shipment.summary().get("status")).isEqualTo("exception");
    }

    private boolean aRecordingWaitsForAParcelLock() {
        return db.sql("""
                        SELECT count(*) AS waiting FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
                          AND query LIKE '%pg_advisory_xact_lock%'
                        """)
                .map(row -> row.get("waiting", Long.class)).one().block() > 0;
    }
}
