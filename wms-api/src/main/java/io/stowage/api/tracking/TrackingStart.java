package io.stowage.api.tracking;

import io.stowage.api.orders.OrderShipTo;
import io.stowage.api.shipping.ShipmentView;
import io.stowage.api.shipping.Shipments;
import io.stowage.api.shipping.TrackedCarriers;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import io.stowage.api.webhooks.OutboxSubscriber;
import io.stowage.carriers.spi.Carrier;
import io.stowage.carriers.spi.CarrierService;
import io.stowage.carriers.spi.TrackingKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts tracking a shipment when its label is bought ({@code shipment.created}) and stops when the
 * label is voided ({@code shipment.voided}). Runs in the outbox fan-out's transaction, once per
 * event whichever instance claims it. Events the carrier sent before the row existed (a fast
 * webhook) are already in the table and are applied at once.
 */
@Component
class TrackingStart implements OutboxSubscriber {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;
    private final Shipments shipments;
    private final OrderShipTo shipTo;
    private final TrackedCarriers carriers;
    private final EtaEstimates etas;
    private final ParcelLedger ledger;
    private final TrackingSettings settings;

    TrackingStart(DatabaseClient db, Shipments shipments, OrderShipTo shipTo, TrackedCarriers carriers, EtaEstimates etas,
                  ParcelLedger ledger, TrackingSettings settings) {
        this.db = db;
        this.shipments = shipments;
        this.shipTo = shipTo;
        this.carriers = carriers;
        this.etas = etas;
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public boolean wants(String eventType) {
        return EventTypes.SHIPMENT_CREATED.equals(eventType) || EventTypes.SHIPMENT_VOIDED.equals(eventType);
    }

    @Override
    public Mono<Void> handle(OutboxEvent event) {
        JsonNode payload = JSON.readTree(event.payload());
        UUID shipmentId;
        try {
            shipmentId = UUID.fromString(payload.path("shipment_id").asString(""));
        } catch (IllegalArgumentException notAShipmentId) {
            return Mono.empty();
        }
        if (EventTypes.SHIPMENT_VOIDED.equals(event.type())) {
            return db.sql("""
                            UPDATE shipment_tracking SET ended_at = clock_timestamp(), updated_at = clock_timestamp()
                            WHERE shipment_id = :id AND ended_at IS NULL
                            """)
                    .bind("id", shipmentId).then();
        }
        return shipments.byId(null, shipmentId)
                .filter(shipment -> shipment.trackingNumber() != null && shipment.labelledAt() != null)
                .flatMap(this::start);
    }

    private Mono<Void> start(ShipmentView shipment) {
        // The parcel's lock first: a scan recorded meanwhile waits for this start, then finds the row written.
        return ledger.lock(new TrackingKey(shipment.carrier(), shipment.trackingNumber()))
                .then(shipTo.of(shipment.merchantId(), shipment.orderId()))
                .flatMap(to -> track(shipment, to))
                .then(ledger.refresh(shipment.id()));
    }

    /** Writes the shipment's tracking row, with Stowage's own ETA from the lane's history. */
    private Mono<Void> track(ShipmentView shipment, OrderShipTo.ShipTo to) {
        Lane lane = new Lane(shipment.carrier(), shipment.serviceCode(), shipment.nodeId(), to.country(),
                Lane.postalPrefix(to.postalCode(), settings.postalPrefixLength()));
        Mono<Optional<CarrierService>> service = carriers.ofShipment(shipment.id())
                .map(carrier -> service(carrier, shipment.serviceCode()))
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(etas.history(lane), service).flatMap(both -> {
            EtaEstimates.Parcel parcel = new EtaEstimates.Parcel(shipment.labelledAt(), to.country(), both.getT2(), shipment.transitDays());
            Optional<ShipmentTracking.Eta> eta = etas.estimate(both.getT1(), parcel, Instant.now());
            return insert(shipment, lane, to, eta.orElse(null));
        });
    }

    static Optional<CarrierService> service(Carrier carrier, String serviceCode) {
        return carrier.services().stream().filter(service -> service.serviceCode().equals(serviceCode)).findFirst();
    }

    private Mono<Void> insert(ShipmentView shipment, Lane lane, OrderShipTo.ShipTo to, ShipmentTracking.Eta eta) {
        return db.sql("""
                        INSERT INTO shipment_tracking (shipment_id, merchant_id, node_id, order_id, order_number, carrier_code, service_code,
                                                       tracking_number, destination_country, destination_postal_prefix, destination_city,
                                                       promised_on, labelled_at, transit_days, status, own_eta_from, own_eta_to, own_eta_basis)
                        VALUES (:id, :merchant, :node, :order, :orderNumber, :carrier, :service, :number, :country, :prefix, :city,
                                :promised, :labelled, :transitDays, 'label_created', :etaFrom, :etaTo, :basis)
                        ON CONFLICT (shipment_id) DO NOTHING
                        """)
                .bind("id", shipment.id()).bind("merchant", shipment.merchantId()).bind("node", shipment.nodeId())
                .bind("order", shipment.orderId()).bind("orderNumber", shipment.orderNumber()).bind("carrier", shipment.carrier())
                .bind("service", shipment.serviceCode()).bind("number", shipment.trackingNumber())
                .bind("country", lane.country()).bind("prefix", lane.postalPrefix())
                .bind("city", io.stowage.api.database.Params.nullable(to.city(), String.class))
                .bind("promised", io.stowage.api.database.Params.nullable(to.promisedOn(), LocalDate.class))
                .bind("labelled", shipment.labelledAt().atOffset(ZoneOffset.UTC))
                .bind("transitDays", io.stowage.api.database.Params.nullable(shipment.transitDays(), Integer.class))
                .bind("etaFrom", io.stowage.api.database.Params.nullable(eta == null ? null : eta.from(), LocalDate.class))
                .bind("etaTo", io.stowage.api.database.Params.nullable(eta == null ? null : eta.to(), LocalDate.class))
                .bind("basis", io.stowage.api.database.Params.nullable(eta == null ? null : eta.basis(), String.class))
                .then();
    }
}
