package io.stowage.api.tracking;

import io.stowage.api.database.Params;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.tracking.CarrierEstimate;
import io.stowage.carriers.tracking.PickupPoint;
import io.stowage.carriers.tracking.PickupPointJson;
import io.stowage.carriers.tracking.TrackingEvent;
import io.stowage.carriers.tracking.TrackingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where carrier events land, however they came (webhook, poll, the sandbox), and what they make of
 * each tracked shipment: the status of its latest event, the last event, delivery, the first carrier
 * exception and the pickup point it waits at; and the carrier's own estimate of delivery, the latest
 * it gave (by when it gave it, not by when it arrived here). The merchant's events are written in the same
 * transaction as the change they announce, each once: the shipment's row is locked while it is
 * worked out, so a webhook and a poll bringing the same scan at once announce it once. When a
 * delivery leaves no parcel of a shipped order on its way, the order becomes {@code delivered} ({@link DeliveredOrders}).
 */
@Component
class ParcelLedger {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Outbox outbox;
    private final ShipmentTracking tracking;
    private final PollSpacing spacing;
    private final TrackingSettings settings;
    private final DeliveredOrders orders;

    static final String ACTOR = "system:tracking";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    ParcelLedger(DatabaseClient db, TransactionalOperator tx, Outbox outbox, ShipmentTracking tracking, PollSpacing spacing,
                 TrackingSettings settings, DeliveredOrders orders) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.tracking = tracking;
        this.spacing = spacing;
        this.settings = settings;
        this.orders = orders;
    }

    /**
     * Stores the events (a scan already stored is skipped) and the carrier's estimates, and brings every
     * tracked shipment they are about up to date; one transaction.
     */
    Mono<Void> record(List<TrackingEvent> events, List<CarrierEstimate> estimates, String source) {
        return record(events, estimates, source, null);
    }

    /** As {@link #record(List, List, String)}, and brings {@code polledShipment} up to date even when nothing new came (its next poll is set). */
    Mono<Void> record(List<TrackingEvent> events, List<CarrierEstimate> estimates, String source, UUID polledShipment) {
        Set<TrackingKey> keys = new TreeSet<>(Comparator.comparing(TrackingKey::carrierCode).thenComparing(TrackingKey::trackingNumber));
        events.forEach(event -> keys.add(event.trackingKey()));
        estimates.forEach(estimate -> keys.add(estimate.trackingKey()));
        // In one order, so two recordings of several parcels never wait for each other crosswise.
        Mono<Void> work = Flux.fromIterable(keys).concatMap(this::lock).then()
                .thenMany(Flux.fromIterable(events).concatMap(event -> insert(event, source))).then()
                .thenMany(Flux.fromIterable(estimates).concatMap(this::estimate)).then()
                .thenMany(Flux.fromIterable(keys).concatMap(this::trackedShipments))
                .concatWith(polledShipment == null ? Flux.empty() : Flux.just(polledShipment))
                .distinct()
                .concatMap(this::refresh)
                .then();
        return work.as(tx::transactional);
    }

    /**
     * Takes the parcel's lock until the transaction ends. Whoever records its scans and whoever starts
     * tracking its shipment hold it, so neither works from a view the other is changing: a scan
     * recorded while the shipment's tracking row was being written (not yet visible) would otherwise
     * be stored without the row ever being worked out from it.
     */
    Mono<Void> lock(TrackingKey key) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", "parcel:" + key.carrierCode() + "/" + key.trackingNumber()).then();
    }

    private Mono<Void> insert(TrackingEvent event, String source) {
        return db.sql("""
                        INSERT INTO tracking_events (carrier_code, tracking_number, event_key, occurred_at, carrier_status,
                                                     carrier_status_code, detail, message, location, source, pickup_point)
                        VALUES (:carrier, :number, :key, :at, :status, :code, :detail, :message, :location, :source,
                                CAST(:pickupPoint AS jsonb))
                        ON CONFLICT (carrier_code, tracking_number, event_key) DO NOTHING
                        """)
                .bind("carrier", event.trackingKey().carrierCode()).bind("number", event.trackingKey().trackingNumber())
                .bind("key", event.occurredAt() + "|" + event.carrierStatusCode() + "|" + event.status().wireName())
                .bind("at", event.occurredAt().atOffset(ZoneOffset.UTC)).bind("status", event.status().wireName())
                .bind("code", event.carrierStatusCode()).bind("detail", event.detail()).bind("message", event.message())
                .bind("location", event.location()).bind("source", source)
                .bind("pickupPoint", Params.nullable(event.pickupPoint().map(point -> JSON.writeValueAsString(PickupPointJson.write(point)))
                        .orElse(null), String.class))
                .then();
    }

    /** Keeps the carrier's estimate for the parcel, unless it keeps a newer one already (said later). */
    private Mono<Void> estimate(CarrierEstimate estimate) {
        return db.sql("""
                        INSERT INTO carrier_estimates (carrier_code, tracking_number, delivery_date, reported_at)
                        VALUES (:carrier, :number, :date, :at)
                        ON CONFLICT (carrier_code, tracking_number) DO UPDATE
                            SET delivery_date = EXCLUDED.delivery_date, reported_at = EXCLUDED.reported_at
                            WHERE carrier_estimates.reported_at <= EXCLUDED.reported_at
                        """)
                .bind("date", estimate.deliveryDate()).bind("at", estimate.reportedAt().atOffset(ZoneOffset.UTC))
                .bind("carrier", estimate.trackingKey().carrierCode()).bind("number", estimate.trackingKey().trackingNumber())
                .then();
    }

    private Flux<UUID> trackedShipments(TrackingKey key) {
        return db.sql("""
                        SELECT shipment_id FROM shipment_tracking
                        WHERE carrier_code = :carrier AND tracking_number = :number AND ended_at IS NULL
                        ORDER BY shipment_id
                        """)
                .bind("carrier", key.carrierCode()).bind("number", key.trackingNumber())
                .map(row -> row.get("shipment_id", UUID.class)).all();
    }

    private record Stored(UUID shipmentId, UUID merchantId, String carrier, String trackingNumber, String status, String destinationCountry,
                          Instant labelledAt, Instant exceptionAt, Instant deliveredAnnouncedAt, Instant endedAt) {
    }

    /** @param pickupPoint where the scan says the parcel waits to be collected, or null */
    private record Scan(Instant at, TrackingStatus status, String detail, String message, String location, PickupPoint pickupPoint) {

        String description() {
            return message == null || message.isBlank() ? detail : message;
        }
    }

    /** Works the shipment's state out from its events; call inside a transaction (the row is locked until it ends). */
    Mono<Void> refresh(UUID shipmentId) {
        return db.sql("""
                        SELECT shipment_id, merchant_id, carrier_code, tracking_number, status, destination_country, labelled_at,
                               exception_at, delivered_announced_at, ended_at
                        FROM shipment_tracking WHERE shipment_id = :id FOR UPDATE
                        """)
                .bind("id", shipmentId)
                .map(row -> new Stored(row.get("shipment_id", UUID.class), row.get("merchant_id", UUID.class),
                        row.get("carrier_code", String.class), row.get("tracking_number", String.class), row.get("status", String.class),
                        row.get("destination_country", String.class), instant(row.get("labelled_at", OffsetDateTime.class)),
                        instant(row.get("exception_at", OffsetDateTime.class)),
                        instant(row.get("delivered_announced_at", OffsetDateTime.class)), instant(row.get("ended_at", OffsetDateTime.class))))
                .one()
                .filter(stored -> stored.endedAt() == null)
                .flatMap(stored -> Mono.zip(scans(stored).collectList(), carrierEta(stored))
                        .flatMap(both -> apply(stored, both.getT1(), both.getT2().orElse(null))));
    }

    /** The carrier's latest estimate for the parcel; one said before the label (a tracking number used before) is not this parcel's. */
    private Mono<Optional<LocalDate>> carrierEta(Stored stored) {
        return db.sql("""
                        SELECT delivery_date FROM carrier_estimates
                        WHERE carrier_code = :carrier AND tracking_number = :number AND reported_at >= :since
                        """)
                .bind("carrier", stored.carrier()).bind("number", stored.trackingNumber())
                .bind("since", stored.labelledAt().minusSeconds(86_400).atOffset(ZoneOffset.UTC))
                .map(row -> Optional.of(row.get("delivery_date", LocalDate.class))).one()
                .defaultIfEmpty(Optional.empty());
    }

    private Flux<Scan> scans(Stored stored) {
        return db.sql("""
                        SELECT occurred_at, carrier_status, detail, message, location, pickup_point::text AS pickup_point FROM tracking_events
                        WHERE carrier_code = :carrier AND tracking_number = :number AND occurred_at >= :since
                        ORDER BY occurred_at, id
                        """)
                .bind("carrier", stored.carrier()).bind("number", stored.trackingNumber())
                .bind("since", stored.labelledAt().minusSeconds(86_400).atOffset(ZoneOffset.UTC))
                .map(row -> new Scan(row.get("occurred_at", OffsetDateTime.class).toInstant(),
                        TrackingStatus.fromWireName(row.get("carrier_status", String.class)), row.get("detail", String.class),
                        row.get("message", String.class), row.get("location", String.class), pickupPoint(row.get("pickup_point", String.class))))
                .all();
    }

    private Mono<Void> apply(Stored stored, List<Scan> scans, LocalDate carrierEta) {
        String status = stored.status();
        Instant statusAt = null;
        Scan last = scans.isEmpty() ? null : scans.get(scans.size() - 1);
        Scan firstScan = null;
        Scan delivered = null;
        Scan exception = null;
        Scan pickup = null;
        PickupPoint point = null;
        for (Scan scan : scans) {
            Optional<String> normalised = TrackingStatuses.normalised(scan.status());
            if (normalised.isPresent()) {
                status = normalised.get();
                statusAt = scan.at();
            }
            // The point the parcel waits at now: the latest the carrier named since it arrived there; none
            // once it moves on (collected, delivered, sent back), so the page shows no place it has left.
            if (scan.status() == TrackingStatus.AVAILABLE_FOR_PICKUP) {
                pickup = scan;
                point = scan.pickupPoint() != null ? scan.pickupPoint() : point;
            } else if (normalised.isPresent()) {
                pickup = null;
                point = null;
            }
            if (firstScan == null && normalised.isPresent() && scan.status() != TrackingStatus.PRE_TRANSIT) {
                firstScan = scan;
            }
            if (delivered == null && scan.status() == TrackingStatus.DELIVERED) {
                delivered = scan;
            }
            if (exception == null && TrackingStatuses.isCarrierException(scan.status())) {
                exception = scan;
            }
        }
        boolean statusChanged = !status.equals(stored.status());
        boolean ends = TrackingStatuses.isFinal(status);
        boolean announceDelivery = delivered != null && stored.deliveredAnnouncedAt() == null;
        boolean raiseException = exception != null && stored.exceptionAt() == null;
        String exceptionReason = exception == null ? null : reason(exception);
        Instant nextPoll = Instant.now().plus(spacing.after(stored.carrier(), status));
        LocalDate collectBy = pickup == null ? null : point != null && point.collectBy().isPresent() ? point.collectBy().get()
                : DestinationZones.dayAt(stored.destinationCountry(), pickup.at()).plusDays(settings.pickupHoldDays());
        String pickupName = pickup == null ? null : point != null && !point.name().isEmpty() ? point.name()
                : pickup.location().isBlank() ? pickup.description() : pickup.location();
        String pickupAddress = point == null || point.addressLine().isEmpty() ? null : point.addressLine();
        String pickupHours = point == null ? null : point.openingHours().map(hours -> JSON.writeValueAsString(PickupPointJson.writeHours(hours)))
                .orElse(null);
        Mono<Void> update = db.sql("""
                        UPDATE shipment_tracking SET
                               status = :status,
                               status_changed_at = CASE WHEN :changed THEN clock_timestamp() ELSE status_changed_at END,
                               last_event_at = :lastAt, last_event_description = :lastDescription, last_event_location = :lastLocation,
                               first_scan_at = :firstScan, delivered_at = :delivered,
                               delivered_announced_at = CASE WHEN :announce THEN clock_timestamp() ELSE delivered_announced_at END,
                               exception_reason = CASE WHEN :raise THEN :exceptionReason ELSE exception_reason END,
                               exception_at = CASE WHEN :raise THEN clock_timestamp() ELSE exception_at END,
                               pickup_point_name = :pickupName, pickup_point_address = :pickupAddress,
                               pickup_point_hours = CAST(:pickupHours AS jsonb), pickup_collect_by = :collectBy, carrier_eta = :carrierEta,
                               ended_at = CASE WHEN :ends THEN clock_timestamp() ELSE NULL END,
                               next_poll_at = :nextPoll, poll_failures = 0, updated_at = clock_timestamp()
                        WHERE shipment_id = :id
                        """)
                .bind("id", stored.shipmentId()).bind("status", status).bind("changed", statusChanged)
                .bind("lastAt", Params.nullable(last == null ? null : last.at().atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("lastDescription", Params.nullable(last == null ? null : last.description(), String.class))
                .bind("lastLocation", Params.nullable(last == null ? null : last.location(), String.class))
                .bind("firstScan", Params.nullable(firstScan == null ? null : firstScan.at().atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("delivered", Params.nullable(delivered == null ? null : delivered.at().atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("announce", announceDelivery).bind("raise", raiseException)
                .bind("exceptionReason", Params.nullable(exceptionReason, String.class))
                .bind("pickupName", Params.nullable(pickupName, String.class))
                .bind("pickupAddress", Params.nullable(pickupAddress, String.class))
                .bind("pickupHours", Params.nullable(pickupHours, String.class))
                .bind("collectBy", Params.nullable(collectBy, LocalDate.class))
                .bind("carrierEta", Params.nullable(carrierEta, LocalDate.class))
                .bind("ends", ends).bind("nextPoll", nextPoll.atOffset(ZoneOffset.UTC))
                .then();
        if (!statusChanged && !announceDelivery && !raiseException) {
            return update;
        }
        Instant changedAt = statusAt;
        Scan exceptionScan = exception;
        return update.then(tracking.summary(stored.shipmentId())).flatMap(summary -> {
            List<Outbox.Event> events = new ArrayList<>();
            String subject = summary.shipmentId().toString();
            if (raiseException) {
                events.add(new Outbox.Event(EventTypes.SHIPMENT_EXCEPTION, subject,
                        TrackingEventPayloads.exception(summary, exceptionReason, exceptionScan.at(), exceptionScan.location())));
            }
            if (statusChanged) {
                events.add(new Outbox.Event(EventTypes.SHIPMENT_TRACKING_UPDATED, subject,
                        TrackingEventPayloads.trackingUpdated(summary, stored.status(), changedAt)));
            }
            if (announceDelivery) {
                events.add(new Outbox.Event(EventTypes.SHIPMENT_DELIVERED, subject, TrackingEventPayloads.delivered(summary)));
            }
            Mono<Void> order = announceDelivery && summary.orderId() != null
                    ? orders.deliverIfEveryParcelIs(summary.merchantId(), summary.orderId(), "every parcel delivered")
                    : Mono.empty();
            return outbox.appendAll(summary.merchantId(), events).then(order);
        });
    }

    /** The carrier's problem in words: the normalised detail and, when it differs, the carrier's own text. */
    private static String reason(Scan scan) {
        String detail = scan.detail() == null || scan.detail().isBlank() ? scan.status().wireName().replace('_', ' ') : scan.detail();
        return scan.message() == null || scan.message().isBlank() || scan.message().equalsIgnoreCase(detail)
                ? detail : detail + ": " + scan.message();
    }

    /** A scan's stored pickup point; one that cannot be read (written by hand) counts as none rather than stalling the parcel. */
    private static PickupPoint pickupPoint(String json) {
        if (json == null) {
            return null;
        }
        try {
            return PickupPointJson.read(JSON.readTree(json));
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
