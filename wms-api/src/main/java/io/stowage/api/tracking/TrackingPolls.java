package io.stowage.api.tracking;

import io.stowage.api.network.Network;
import io.stowage.api.shipping.TrackedCarriers;
import io.stowage.carriers.sandbox.SandboxCarrier;
import io.stowage.carriers.spi.Carrier;
import io.stowage.carriers.spi.CarrierException;
import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.spi.UnsupportedCarrierOperationException;
import io.stowage.carriers.tracking.TrackingHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pulls carriers' tracking for parcels whose next poll is due. Any instance claims a batch with
 * {@code FOR UPDATE SKIP LOCKED}, moving each parcel's next poll to the end of a lease in the same
 * statement, so two loops (on one instance or many) never take the same parcel; an instance that
 * dies mid-poll leaves it to be claimed again when the lease runs out. The carrier calls block and
 * run on {@link CarrierCalls}. The next poll is spaced by the parcel's state ({@link PollSpacing}).
 *
 * <p>A carrier without a tracking API (a rate card's) is not polled again, unless demo journeys are
 * on: then the sandbox scripts the parcel a journey and is polled for it. Scripted journeys live in
 * this instance's memory; a parcel scripted on another instance or before a restart is scripted
 * again the same way, as the journey depends only on the seed, the tracking number and the label
 * time. The sandbox's own parcels are kept in the database ({@code sandbox_parcels}), so every
 * instance tracks them.
 */
@Component
class TrackingPolls {

    private static final Logger log = LoggerFactory.getLogger(TrackingPolls.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);

    record Claimed(UUID shipmentId, UUID nodeId, String carrierCode, String serviceCode, String trackingNumber, Instant labelledAt,
                   String destinationCity, int failures) {

        TrackingKey key() {
            return new TrackingKey(carrierCode, trackingNumber);
        }
    }

    private final DatabaseClient db;
    private final TrackedCarriers carriers;
    private final Network network;
    private final ParcelLedger ledger;
    private final CarrierCalls calls;
    private final TrackingSettings settings;

    TrackingPolls(DatabaseClient db, TrackedCarriers carriers, Network network, ParcelLedger ledger, CarrierCalls calls,
                  TrackingSettings settings) {
        this.db = db;
        this.carriers = carriers;
        this.network = network;
        this.ledger = ledger;
        this.calls = calls;
        this.settings = settings;
    }

    /** One pass: claims a batch of due parcels and polls them, a few at a time; answers how many were claimed. */
    Mono<Integer> pass() {
        return claim(settings.pollBatch())
                .flatMap(claimed -> Flux.fromIterable(claimed).flatMap(this::poll, settings.concurrentCarrierCalls()).then()
                        .thenReturn(claimed.size()));
    }

    /** Claims up to {@code batch} due parcels for this caller: their next poll moves to the lease's end. */
    Mono<List<Claimed>> claim(int batch) {
        return db.sql("""
                        UPDATE shipment_tracking t SET next_poll_at = clock_timestamp() + CAST(:lease AS interval)
                        WHERE t.shipment_id IN (SELECT shipment_id FROM shipment_tracking
                                                WHERE ended_at IS NULL AND next_poll_at <= clock_timestamp()
                                                ORDER BY next_poll_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING t.shipment_id, t.node_id, t.carrier_code, t.service_code, t.tracking_number, t.labelled_at,
                                  t.destination_city, t.poll_failures
                        """)
                .bind("lease", settings.pollLease().toSeconds() + " seconds").bind("batch", batch)
                .map(row -> new Claimed(row.get("shipment_id", UUID.class), row.get("node_id", UUID.class),
                        row.get("carrier_code", String.class), row.get("service_code", String.class),
                        row.get("tracking_number", String.class), row.get("labelled_at", OffsetDateTime.class).toInstant(),
                        row.get("destination_city", String.class), row.get("poll_failures", Integer.class)))
                .all().collectList();
    }

    Mono<Void> poll(Claimed claimed) {
        return carriers.ofShipment(claimed.shipmentId())
                .flatMap(carrier -> track(carrier, claimed)
                        .flatMap(history -> ledger.record(history.events(), history.estimate().stream().toList(), "poll",
                                claimed.shipmentId()))
                        .thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> stop(claimed, "its carrier is not configured any more").thenReturn(false)))
                .then()
                .onErrorResume(UnsupportedCarrierOperationException.class, e -> stop(claimed, e.getMessage()))
                .onErrorResume(e -> failed(claimed, e));
    }

    private Mono<TrackingHistory> track(Carrier carrier, Claimed claimed) {
        SandboxCarrier sandbox = carriers.sandbox();
        // The sandbox answers for parcels it scripted or keeps (its own are read from the database), the carrier for the rest.
        Mono<TrackingHistory> pulled = calls.call(() -> sandbox.knows(claimed.key()))
                .flatMap(known -> calls.call(() -> known ? sandbox.track(claimed.key()) : carrier.track(claimed.key())));
        return settings.demoJourneys()
                ? pulled.onErrorResume(UnsupportedCarrierOperationException.class, untracked -> script(sandbox, carrier, claimed))
                : pulled;
    }

    /** Scripts the parcel of a carrier without a tracking API a sandbox journey (demo journeys) and tracks it there. */
    private Mono<TrackingHistory> script(SandboxCarrier sandbox, Carrier carrier, Claimed claimed) {
        DeliveryMode mode = TrackingStart.service(carrier, claimed.serviceCode()).map(service -> service.deliveryMode())
                .orElse(DeliveryMode.DOOR);
        return network.node(claimed.nodeId()).map(node -> node.address() == null ? node.name() : node.address().city())
                .defaultIfEmpty("")
                .flatMap(origin -> calls.call(() -> {
                    sandbox.script(claimed.key(), mode, claimed.labelledAt(), origin,
                            claimed.destinationCity() == null ? "" : claimed.destinationCity());
                    return sandbox.track(claimed.key());
                }));
    }

    /** Nothing to poll: the parcel is left to webhooks (if any) and the late check. */
    private Mono<Void> stop(Claimed claimed, String why) {
        log.info("tracking {} is not polled: {}", claimed.key(), why);
        return db.sql("UPDATE shipment_tracking SET next_poll_at = 'infinity', updated_at = clock_timestamp() WHERE shipment_id = :id")
                .bind("id", claimed.shipmentId()).then();
    }

    private Mono<Void> failed(Claimed claimed, Throwable e) {
        if (e instanceof CarrierException) {
            log.warn("tracking {}: the carrier did not answer ({}); trying again later", claimed.key(), e.getMessage());
        } else {
            log.warn("tracking {}: the poll failed; trying again later", claimed.key(), e);
        }
        Duration backoff = settings.pollException().multipliedBy(1L << Math.min(claimed.failures(), 8));
        Duration wait = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        return db.sql("""
                        UPDATE shipment_tracking SET poll_failures = poll_failures + 1,
                               next_poll_at = clock_timestamp() + CAST(:wait AS interval), updated_at = clock_timestamp()
                        WHERE shipment_id = :id
                        """)
                .bind("id", claimed.shipmentId()).bind("wait", wait.toSeconds() + " seconds").then();
    }
}
