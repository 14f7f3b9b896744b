package io.stowage.api.tracking;

import io.r2dbc.spi.Readable;
import io.stowage.api.Published;
import io.stowage.carriers.tracking.PickupPointJson;
import io.stowage.carriers.tracking.TrackingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a shipment is, as the tracking page, notifications and the merchant's API read it: the
 * normalised status, the late or exception flag with its reason, the carrier's ETA and Stowage's
 * own, the last event, the pickup point a parcel waits at, and every carrier event newest first.
 * A shipment is tracked from the moment its label is bought; before that (or for a voided label
 * never tracked) the answers are empty.
 */
@Component
@Published
public class ShipmentTracking {

    /** Statuses, as strings in JSON and events. */
    public static final List<String> STATUSES = List.of(TrackingStatuses.LABEL_CREATED, TrackingStatuses.IN_TRANSIT,
            TrackingStatuses.OUT_FOR_DELIVERY, TrackingStatuses.AVAILABLE_FOR_PICKUP, TrackingStatuses.DELIVERED,
            TrackingStatuses.EXCEPTION, TrackingStatuses.RETURNED_TO_SENDER);

    /** Bases of an ETA: the carrier's own estimate, the lane's delivery history, or the service's transit days. */
    public static final String BASIS_CARRIER = "carrier";
    public static final String BASIS_LANE_HISTORY = "lane_history";
    public static final String BASIS_TRANSIT_DAYS = "transit_days";

    /** Flags a shipment may carry. */
    public static final String FLAG_DELAYED = "delayed";
    public static final String FLAG_EXCEPTION = "exception";

    /**
     * An expected delivery date range (a single day when {@code from} equals {@code to}).
     *
     * @param basis {@link #BASIS_CARRIER}, {@link #BASIS_LANE_HISTORY} or {@link #BASIS_TRANSIT_DAYS}
     */
    public record Eta(LocalDate from, LocalDate to, String basis) {
    }

    /**
     * A raised flag.
     *
     * @param kind   {@link #FLAG_DELAYED} or {@link #FLAG_EXCEPTION} (an exception outranks a delay when both were raised)
     * @param reason what happened, in words
     */
    public record Flag(String kind, String reason, Instant raisedAt) {
    }

    /**
     * Where a parcel waits to be collected; address and opening hours only when the carrier told them.
     *
     * @param address      the street, postal code and city on one line ("Ozo g. 25, LT-08200 Vilnius"), or null
     * @param openingHours when it is open, or null
     * @param collectBy    the carrier's collect-by day, or the label-less default ({@code stowage.tracking.pickup-hold-days} after arrival)
     */
    public record PickupPoint(String name, String address, PickupHours openingHours, LocalDate collectBy) {
    }

    /**
     * One shipment's tracking.
     *
     * @param status      one of {@link #STATUSES}
     * @param flag        the late or exception flag, or null
     * @param promisedOn  the delivery date promised at checkout, or null
     * @param carrierEta  the carrier's own estimate, or null when it gives none
     * @param ownEta      Stowage's estimate from the lane's history or the service's transit days, or null once delivered
     * @param eta         what to show: the carrier's estimate when there is one, else {@code ownEta}; null once delivered
     * @param pickupPoint where the parcel waits, while it is {@code available_for_pickup}; else null
     */
    public record Summary(UUID shipmentId, UUID merchantId, UUID nodeId, UUID orderId, String orderNumber, String carrier, String serviceCode,
                          String trackingNumber, String status, Flag flag, LocalDate promisedOn, LocalDate carrierEta, Eta ownEta,
                          Eta eta, Instant lastEventAt, String lastEventDescription, String lastEventLocation, Instant labelledAt,
                          Instant deliveredAt, PickupPoint pickupPoint, String destinationCity, String destinationCountry) {
    }

    /**
     * One carrier event.
     *
     * @param status      the normalised status it reports, or null for an event that changes none (an unknown code)
     * @param detail      the normalised detail of the carrier's mapping table ("arrived at sorting hub"), or an empty string
     * @param description the carrier's text, or the normalised detail when it sent none
     * @param location    where, as the carrier wrote it, or an empty string
     */
    public record Event(Instant occurredAt, String status, String detail, String description, String location) {
    }

    /** A shipment's summary and its events, newest first. */
    public record Tracking(Summary summary, List<Event> events) {
    }

    static final String COLUMNS = """
            t.shipment_id, t.merchant_id, t.node_id, t.order_id, t.order_number, t.carrier_code, t.service_code, t.tracking_number, t.status,
            t.delayed_reason, t.delayed_at, t.exception_reason, t.exception_at, t.promised_on, t.carrier_eta, t.own_eta_from,
            t.own_eta_to, t.own_eta_basis, t.last_event_at, t.last_event_description, t.last_event_location, t.labelled_at,
            t.delivered_at, t.pickup_point_name, t.pickup_point_address, t.pickup_point_hours::text AS pickup_point_hours, t.pickup_collect_by,
            t.destination_city, t.destination_country
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;

    ShipmentTracking(DatabaseClient db) {
        this.db = db;
    }

    /** The shipment's summary, or empty when it is not tracked. */
    public Mono<Summary> summary(UUID shipmentId) {
        return db.sql("SELECT " + COLUMNS + " FROM shipment_tracking t WHERE t.shipment_id = :id")
                .bind("id", shipmentId).map(ShipmentTracking::fromRow).one();
    }

    /** The shipment's summary and events newest first, or empty when it is not tracked. */
    public Mono<Tracking> of(UUID shipmentId) {
        return summary(shipmentId).flatMap(summary -> events(summary).collectList().map(events -> new Tracking(summary, events)));
    }

    /** The order's tracked shipments, by label time. */
    public Flux<Summary> ofOrder(UUID orderId) {
        return db.sql("SELECT " + COLUMNS + " FROM shipment_tracking t WHERE t.order_id = :order ORDER BY t.labelled_at, t.shipment_id")
                .bind("order", orderId).map(ShipmentTracking::fromRow).all();
    }

    /**
     * The parcel's events newest first. A carrier may reuse a tracking number years later, so only
     * events from a day before the label on count for this shipment.
     */
    Flux<Event> events(Summary summary) {
        return db.sql("""
                        SELECT occurred_at, carrier_status, detail, message, location FROM tracking_events
                        WHERE carrier_code = :carrier AND tracking_number = :number AND occurred_at >= :since
                        ORDER BY occurred_at DESC, id DESC
                        """)
                .bind("carrier", summary.carrier()).bind("number", summary.trackingNumber())
                .bind("since", summary.labelledAt().minusSeconds(86_400).atOffset(ZoneOffset.UTC))
                .map(row -> {
                    String message = row.get("message", String.class);
                    String detail = row.get("detail", String.class);
                    return new Event(row.get("occurred_at", OffsetDateTime.class).toInstant(),
                            TrackingStatuses.normalised(TrackingStatus.fromWireName(
                                    row.get("carrier_status", String.class))).orElse(null),
                            detail == null ? "" : detail, message == null || message.isBlank() ? detail : message, row.get("location", String.class));
                })
                .all();
    }

    static Summary fromRow(Readable row) {
        Flag flag = null;
        if (row.get("exception_at", OffsetDateTime.class) != null) {
            flag = new Flag(FLAG_EXCEPTION, row.get("exception_reason", String.class), instant(row, "exception_at"));
        } else if (row.get("delayed_at", OffsetDateTime.class) != null) {
            flag = new Flag(FLAG_DELAYED, row.get("delayed_reason", String.class), instant(row, "delayed_at"));
        }
        String status = row.get("status", String.class);
        Instant deliveredAt = instant(row, "delivered_at");
        LocalDate carrierEta = row.get("carrier_eta", LocalDate.class);
        Eta ownEta = row.get("own_eta_from", LocalDate.class) == null ? null
                : new Eta(row.get("own_eta_from", LocalDate.class), row.get("own_eta_to", LocalDate.class), row.get("own_eta_basis", String.class));
        boolean finished = TrackingStatuses.isFinal(status);
        Eta eta = finished ? null : carrierEta != null ? new Eta(carrierEta, carrierEta, BASIS_CARRIER) : ownEta;
        PickupPoint pickupPoint = TrackingStatuses.AVAILABLE_FOR_PICKUP.equals(status) && row.get("pickup_point_name", String.class) != null
                ? new PickupPoint(row.get("pickup_point_name", String.class), row.get("pickup_point_address", String.class),
                        hours(row.get("pickup_point_hours", String.class)), row.get("pickup_collect_by", LocalDate.class))
                : null;
        return new Summary(row.get("shipment_id", UUID.class), row.get("merchant_id", UUID.class), row.get("node_id", UUID.class),
                row.get("order_id", UUID.class),
                row.get("order_number", String.class), row.get("carrier_code", String.class), row.get("service_code", String.class),
                row.get("tracking_number", String.class), status, flag, row.get("promised_on", LocalDate.class), carrierEta,
                finished ? null : ownEta, eta, instant(row, "last_event_at"), row.get("last_event_description", String.class),
                row.get("last_event_location", String.class), instant(row, "labelled_at"), deliveredAt, pickupPoint,
                row.get("destination_city", String.class), row.get("destination_country", String.class));
    }

    private static PickupHours hours(String json) {
        return json == null ? null : PickupHours.of(PickupPointJson.readHours(JSON.readTree(json)));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime at = row.get(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
