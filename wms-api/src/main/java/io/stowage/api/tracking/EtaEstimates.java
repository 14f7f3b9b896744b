package io.stowage.api.tracking;

import io.stowage.carriers.schedule.DeliverySchedule;
import io.stowage.carriers.spi.CarrierService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stowage's own ETA: what this carrier's service actually achieved on the lane (label to delivery,
 * the 50th to the 90th percentile of the deliveries in the window), once the lane has at least
 * {@code stowage.tracking.lane-history-minimum} of them; before that, the transit days the bought rate
 * counted on for this parcel (else the service's own, its fastest) through the carrier's schedule
 * (cut-off, pickup days, business days). The same history says how long a parcel may go without news
 * before it counts as late. Days are the destination's ({@link DestinationZones}): the customer's
 * "today" and the day a parcel is due are where the customer lives, not in UTC.
 */
@Component
class EtaEstimates {

    /**
     * One parcel, as its ETA is worked out from it.
     *
     * @param service            the carrier's service, when the carrier lists it (an aggregator lists none)
     * @param quotedTransitDays  the bought rate's business days in transit, or null for a label bought before they were kept
     */
    record Parcel(Instant labelledAt, String destinationCountry, Optional<CarrierService> service, Integer quotedTransitDays) {

        /** The day it is at the destination at that instant. */
        LocalDate today(Instant now) {
            return DestinationZones.dayAt(destinationCountry, now);
        }
    }

    /** What the lane's recorded deliveries say; {@code deliveries} below the minimum means they are not used. */
    record LaneHistory(int deliveries, Duration median, Duration ninetieth) {
    }

    private final DatabaseClient db;
    private final TrackingSettings settings;

    EtaEstimates(DatabaseClient db, TrackingSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    Mono<LaneHistory> history(Lane lane) {
        return db.sql("""
                        SELECT count(*) AS deliveries,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(extract(epoch FROM delivered_at - labelled_at) AS double precision)) AS median,
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY CAST(extract(epoch FROM delivered_at - labelled_at) AS double precision)) AS ninetieth
                        FROM shipment_tracking
                        WHERE carrier_code = :carrier AND service_code = :service AND node_id = :node
                          AND destination_country = :country AND destination_postal_prefix = :prefix
                          AND delivered_at IS NOT NULL AND delivered_at >= clock_timestamp() - CAST(:window AS interval)
                        """)
                .bind("carrier", lane.carrierCode()).bind("service", lane.serviceCode()).bind("node", lane.nodeId())
                .bind("country", lane.country()).bind("prefix", lane.postalPrefix())
                .bind("window", settings.laneHistoryWindow().toSeconds() + " seconds")
                .map(row -> {
                    long deliveries = row.get("deliveries", Long.class);
                    Double median = row.get("median", Double.class);
                    Double ninetieth = row.get("ninetieth", Double.class);
                    return deliveries == 0 ? new LaneHistory(0, null, null)
                            : new LaneHistory((int) deliveries, seconds(median), seconds(ninetieth));
                })
                .one();
    }

    boolean enough(LaneHistory history) {
        return history.deliveries() >= settings.laneHistoryMinimum();
    }

    /**
     * Stowage's ETA for the parcel as of {@code now}, never before the destination's today: a range
     * that has passed without delivery moves to today (the parcel is still coming, and the late
     * check says it is late). Without a listed service the quoted transit days count from the
     * label's day. Empty when there is neither history nor any transit days.
     */
    Optional<ShipmentTracking.Eta> estimate(LaneHistory history, Parcel parcel, Instant now) {
        LocalDate today = parcel.today(now);
        if (enough(history)) {
            LocalDate from = DestinationZones.dayAt(parcel.destinationCountry(), parcel.labelledAt().plus(history.median()));
            LocalDate to = DestinationZones.dayAt(parcel.destinationCountry(), parcel.labelledAt().plus(history.ninetieth()));
            return Optional.of(new ShipmentTracking.Eta(max(from, today), max(to, today), ShipmentTracking.BASIS_LANE_HISTORY));
        }
        return dueByTransitDays(parcel).map(due -> max(due, today))
                .map(date -> new ShipmentTracking.Eta(date, date, ShipmentTracking.BASIS_TRANSIT_DAYS));
    }

    /** The day the parcel's transit days end: through the service's schedule when it is listed, else from the label's day. */
    private static Optional<LocalDate> dueByTransitDays(Parcel parcel) {
        if (parcel.service().isPresent()) {
            CarrierService service = parcel.service().get();
            int days = parcel.quotedTransitDays() != null ? parcel.quotedTransitDays() : service.transitDays();
            return Optional.of(DeliverySchedule.estimate(service, days, parcel.labelledAt()).deliveryDate());
        }
        return Optional.ofNullable(parcel.quotedTransitDays())
                .map(days -> DeliverySchedule.addBusinessDays(DestinationZones.dayAt(parcel.destinationCountry(), parcel.labelledAt()), days));
    }

    /** How long a parcel on the lane may go without an event before it counts as late: the lane's 90th percentile of label to delivery, or the configured limit. */
    Duration silenceLimit(LaneHistory history) {
        return enough(history) ? history.ninetieth() : settings.silenceLimit();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? b : a;
    }

    private static Duration seconds(Double value) {
        return value == null ? null : Duration.ofMillis(Math.round(value * 1000));
    }
}
