package io.stowage.api.tracking;

import io.stowage.api.database.Params;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.shipping.TrackedCarriers;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.carriers.spi.CarrierService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Re-evaluates parcels on their way: Stowage's own ETA is worked out again (the lane's history grows,
 * a passed range moves to today), and a parcel that turned late ({@link LateRule}, against the ETA
 * shown: the carrier's own when it gave one) is flagged
 * {@code delayed} with its reason and announced to the merchant, once. Silence is only noticed by
 * looking, so a loop does it: any instance claims due parcels with {@code FOR UPDATE SKIP LOCKED},
 * moving their next check on in the same statement; each is then decided in its own transaction
 * with its row locked, so a carrier event arriving at the same time is applied before or after, never
 * half-way.
 */
@Component
class LateChecks {

    private record Due(UUID shipmentId, UUID nodeId, String carrierCode, String serviceCode, String country, String postalPrefix,
                       String status, LocalDate promisedOn, LocalDate carrierEta, Instant labelledAt, Integer transitDays, Instant lastEventAt,
                       Instant delayedAt, Instant endedAt) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final TrackedCarriers carriers;
    private final EtaEstimates etas;
    private final ShipmentTracking tracking;
    private final Outbox outbox;
    private final TrackingSettings settings;

    LateChecks(DatabaseClient db, TransactionalOperator tx, TrackedCarriers carriers, EtaEstimates etas, ShipmentTracking tracking,
               Outbox outbox, TrackingSettings settings) {
        this.db = db;
        this.tx = tx;
        this.carriers = carriers;
        this.etas = etas;
        this.tracking = tracking;
        this.outbox = outbox;
        this.settings = settings;
    }

    Mono<Integer> pass() {
        return claim(settings.pollBatch())
                .flatMap(claimed -> Flux.fromIterable(claimed).concatMap(this::check).then().thenReturn(claimed.size()));
    }

    Mono<List<UUID>> claim(int batch) {
        return db.sql("""
                        UPDATE shipment_tracking t SET next_check_at = clock_timestamp() + CAST(:recheck AS interval)
                        WHERE t.shipment_id IN (SELECT shipment_id FROM shipment_tracking
                                                WHERE ended_at IS NULL AND next_check_at <= clock_timestamp()
                                                ORDER BY next_check_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING t.shipment_id
                        """)
                .bind("recheck", settings.lateRecheck().toMillis() + " milliseconds").bind("batch", batch)
                .map(row -> row.get("shipment_id", UUID.class)).all().collectList();
    }

    /** Decides one parcel in its own transaction. */
    Mono<Void> check(UUID shipmentId) {
        return db.sql("""
                        SELECT shipment_id, node_id, carrier_code, service_code, destination_country, destination_postal_prefix,
                               status, promised_on, carrier_eta, labelled_at, transit_days, last_event_at, delayed_at, ended_at
                        FROM shipment_tracking WHERE shipment_id = :id FOR UPDATE
                        """)
                .bind("id", shipmentId)
                .map(row -> new Due(row.get("shipment_id", UUID.class), row.get("node_id", UUID.class),
                        row.get("carrier_code", String.class), row.get("service_code", String.class),
                        row.get("destination_country", String.class), row.get("destination_postal_prefix", String.class),
                        row.get("status", String.class), row.get("promised_on", LocalDate.class), row.get("carrier_eta", LocalDate.class),
                        instant(row.get("labelled_at", OffsetDateTime.class)), row.get("transit_days", Integer.class),
                        instant(row.get("last_event_at", OffsetDateTime.class)), instant(row.get("delayed_at", OffsetDateTime.class)),
                        instant(row.get("ended_at", OffsetDateTime.class))))
                .one()
                .filter(due -> due.endedAt() == null)
                .flatMap(this::decide)
                .as(tx::transactional);
    }

    private Mono<Void> decide(Due due) {
        Lane lane = new Lane(due.carrierCode(), due.serviceCode(), due.nodeId(), due.country(), due.postalPrefix());
        Mono<Optional<CarrierService>> service = carriers.ofShipment(due.shipmentId())
                .map(carrier -> TrackingStart.service(carrier, due.serviceCode()))
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(etas.history(lane), service).flatMap(both -> {
            Instant now = Instant.now();
            EtaEstimates.Parcel parcel = new EtaEstimates.Parcel(due.labelledAt(), due.country(), both.getT2(), due.transitDays());
            LocalDate today = parcel.today(now);
            ShipmentTracking.Eta eta = etas.estimate(both.getT1(), parcel, now).orElse(null);
            // The ETA shown is the carrier's own when it gave one, so it is the one held against the promise.
            ShipmentTracking.Eta shown = due.carrierEta() != null
                    ? new ShipmentTracking.Eta(due.carrierEta(), due.carrierEta(), ShipmentTracking.BASIS_CARRIER) : eta;
            Optional<String> late = due.delayedAt() != null ? Optional.empty()
                    : LateRule.reason(due.status(), due.promisedOn(), shown, today, due.lastEventAt() == null ? due.labelledAt() : due.lastEventAt(), now,
                            etas.silenceLimit(both.getT1()), etas.enough(both.getT1()));
            Mono<Void> update = db.sql("""
                            UPDATE shipment_tracking SET own_eta_from = :from, own_eta_to = :to, own_eta_basis = :basis,
                                   delayed_reason = coalesce(delayed_reason, :reason),
                                   delayed_at = CASE WHEN :late AND delayed_at IS NULL THEN clock_timestamp() ELSE delayed_at END,
                                   updated_at = clock_timestamp()
                            WHERE shipment_id = :id
                            """)
                    .bind("id", due.shipmentId())
                    .bind("from", Params.nullable(eta == null ? null : eta.from(), LocalDate.class))
                    .bind("to", Params.nullable(eta == null ? null : eta.to(), LocalDate.class))
                    .bind("basis", Params.nullable(eta == null ? null : eta.basis(), String.class))
                    .bind("reason", Params.nullable(late.orElse(null), String.class))
                    .bind("late", late.isPresent())
                    .then();
            if (late.isEmpty()) {
                return update;
            }
            return update.then(tracking.summary(due.shipmentId())).flatMap(summary -> outbox.append(summary.merchantId(),
                    EventTypes.SHIPMENT_DELAYED, summary.shipmentId().toString(), TrackingEventPayloads.delayed(summary, late.get(), now)));
        });
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
