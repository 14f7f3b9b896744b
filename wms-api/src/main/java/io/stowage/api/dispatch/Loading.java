package io.stowage.api.dispatch;

import io.stowage.api.access.Caller;
import io.stowage.api.carriers.CarrierCodes;
import io.stowage.api.database.Params;
import io.stowage.api.input.StorableText;
import io.stowage.api.network.LocationType;
import io.stowage.api.network.Network;
import io.stowage.api.orders.OrderFulfilment;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.shipping.ShipmentView;
import io.stowage.api.shipping.Shipments;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The dock: open a carrier's load, scan cartons onto it, take one off again. Every scan is checked
 * before anything is written: the carton must be at this node, labelled (not voided, not waiting
 * for its label), for the load's carrier, on no load yet, and of an order that may ship. Each runs
 * in the caller's command transaction.
 */
@Service
class Loading {

    private static final Pattern CARRIER = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,63}");

    /** What a scan answers: the carton now on the load and the load's totals. */
    record Scanned(LoadView.Carton carton, UUID loadId, int parcels, long weightGrams) {
    }

    private final DatabaseClient db;
    private final LoadQueries queries;
    private final Shipments shipments;
    private final OrderFulfilment orders;
    private final Network network;

    Loading(DatabaseClient db, LoadQueries queries, Shipments shipments, OrderFulfilment orders, Network network) {
        this.db = db;
        this.queries = queries;
        this.shipments = shipments;
        this.orders = orders;
        this.network = network;
    }

    /**
     * The carrier's open load at the worker's node: 200 with the one already open, else 201 with a new
     * one for today (the node's date). Two workers opening at once get the same load.
     */
    Mono<ResponseEntity<LoadView>> open(Caller.Worker worker, String carrierCode, String dockCode, String trailer) {
        String carrier = carrier(carrierCode);
        if (trailer != null && (trailer.isBlank() || trailer.length() > 40 || !StorableText.isStorable(trailer))) {
            return Mono.error(ApiProblem.invalid("trailer", "must be 1 to 40 printable characters, such as the trailer's plate"));
        }
        Mono<String> dock = dockCode == null ? Mono.just("")
                : network.scannedLocation(worker.nodeId(), "dock_code", dockCode).flatMap(location -> LocationType.DOCK.json().equals(location.type())
                        ? Mono.just(location.code())
                        : Mono.error(ApiProblem.invalid("dock_code", "location " + dockCode + " is a " + location.type() + ", not a dock")));
        return Mono.zip(dock, network.node(worker.nodeId())).flatMap(found -> {
            LocalDate today = LocalDate.now(ZoneId.of(found.getT2().timeZone()));
            return db.sql("""
                            INSERT INTO loads (node_id, carrier, ship_day, dock_code, trailer, status, opened_by)
                            VALUES (:node, :carrier, :day, :dock, :trailer, 'open', :actor)
                            ON CONFLICT (node_id, carrier) WHERE status = 'open' DO NOTHING
                            RETURNING id
                            """)
                    .bind("node", worker.nodeId()).bind("carrier", carrier).bind("day", today)
                    .bind("dock", Params.nullable(found.getT1().isEmpty() ? null : found.getT1(), String.class))
                    .bind("trailer", Params.nullable(trailer, String.class)).bind("actor", worker.actor())
                    .map(row -> row.get("id", UUID.class)).one()
                    .flatMap(created -> queries.view(created, worker.nodeId()).map(load -> ResponseEntity.status(HttpStatus.CREATED).body(load)))
                    .switchIfEmpty(Mono.defer(() -> db.sql("SELECT id FROM loads WHERE node_id = :node AND carrier = :carrier AND status = 'open'")
                            .bind("node", worker.nodeId()).bind("carrier", carrier)
                            .map(row -> row.get("id", UUID.class)).one()
                            .flatMap(existing -> queries.view(existing, worker.nodeId()))
                            .map(ResponseEntity::ok)));
        });
    }

    /** Puts the scanned carton on the load, or refuses with the reason and writes nothing. */
    Mono<Scanned> scan(Caller.Worker worker, UUID loadId, String scan) {
        String sscc = ScannedSscc.parse("sscc", scan);
        return queries.header(loadId, worker.nodeId(), "SHARE")
                .flatMap(load -> load.isOpen() ? Mono.just(load) : Mono.error(closed(load)))
                .flatMap(load -> shipments.bySscc(sscc)
                        .filter(shipment -> shipment.nodeId().equals(worker.nodeId()))
                        .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.NOT_FOUND, "No carton with SSCC " + sscc + " was packed at this node")))
                        .flatMap(shipment -> loadable(load, shipment))
                        .flatMap(shipment -> orders.requireShippable(shipment.merchantId(), shipment.orderId()).thenReturn(shipment))
                        .flatMap(shipment -> put(worker, load, shipment)));
    }

    /** The checks of the carton itself, in the order a dock worker can act on them. */
    private Mono<ShipmentView> loadable(LoadQueries.Header load, ShipmentView shipment) {
        String sscc = shipment.sscc();
        if (ShipmentView.VOIDED.equals(shipment.status())) {
            return Mono.error(ApiProblem.of(ProblemType.CARTON_VOIDED, "Carton " + sscc + " has a voided label; it does not ship with it. "
                    + "Print its new label before loading it"));
        }
        if (ShipmentView.LABEL_PENDING.equals(shipment.status()) || ShipmentView.LABEL_FAILED.equals(shipment.status())) {
            return Mono.error(ApiProblem.of(ProblemType.CARTON_NOT_LABELLED, "Carton " + sscc + " has no carrier label yet ("
                    + shipment.status() + (shipment.failureReason() == null ? "" : ": " + shipment.failureReason()) + ")"));
        }
        if (shipment.carrier() == null || !shipment.carrier().equalsIgnoreCase(load.carrier())) {
            return Mono.error(ApiProblem.of(ProblemType.WRONG_CARRIER, "Carton " + sscc + " goes with " + shipment.carrier()
                    + ", not on this " + load.carrier() + " load"));
        }
        if (ShipmentView.SHIPPED.equals(shipment.status())) {
            return Mono.error(ApiProblem.of(ProblemType.CARTON_ALREADY_LOADED, "Carton " + sscc + " has shipped already"));
        }
        return Mono.just(shipment);
    }

    private Mono<Scanned> put(Caller.Worker worker, LoadQueries.Header load, ShipmentView shipment) {
        return db.sql("""
                        INSERT INTO load_cartons (load_id, shipment_id, merchant_id, order_id, order_number, carton_id, carton_number, sscc,
                                                  service_code, tracking_number, weight_grams, scanned_by)
                        VALUES (:load, :shipment, :merchant, :order, :orderNumber, :carton, :cartonNumber, :sscc, :service, :tracking,
                                :weight, :actor)
                        ON CONFLICT (shipment_id) DO NOTHING
                        RETURNING scanned_at
                        """)
                .bind("load", load.id()).bind("shipment", shipment.id()).bind("merchant", shipment.merchantId())
                .bind("order", shipment.orderId()).bind("orderNumber", shipment.orderNumber()).bind("carton", shipment.cartonId())
                .bind("cartonNumber", shipment.cartonNumber()).bind("sscc", shipment.sscc()).bind("service", shipment.serviceCode())
                .bind("tracking", shipment.trackingNumber()).bind("weight", shipment.weightGrams()).bind("actor", worker.actor())
                .map(row -> row.get("scanned_at", java.time.OffsetDateTime.class))
                .one()
                .switchIfEmpty(Mono.defer(() -> alreadyLoaded(load, shipment)))
                // Shipping knows the carton is on a trailer: its label can no longer be voided under the driver's feet.
                .flatMap(scannedAt -> shipments.markLoaded(shipment.id(), load.id()).thenReturn(scannedAt))
                .flatMap(scannedAt -> queries.header(load.id(), worker.nodeId(), null).map(totals -> new Scanned(
                        new LoadView.Carton(shipment.id(), shipment.sscc(), shipment.trackingNumber(), shipment.weightGrams(), shipment.orderId(),
                                shipment.orderNumber(), shipment.cartonNumber(), shipment.serviceCode(), worker.actor(), scannedAt.toInstant()),
                        load.id(), totals.parcels(), totals.weightGrams())));
    }

    private <T> Mono<T> alreadyLoaded(LoadQueries.Header load, ShipmentView shipment) {
        return db.sql("SELECT load_id FROM load_cartons WHERE shipment_id = :shipment")
                .bind("shipment", shipment.id())
                .map(row -> row.get("load_id", UUID.class)).one()
                .flatMap(other -> Mono.error(ApiProblem.of(ProblemType.CARTON_ALREADY_LOADED, other.equals(load.id())
                        ? "Carton " + shipment.sscc() + " is on this load already"
                        : "Carton " + shipment.sscc() + " is on another load (" + other + "); take it off there first")));
    }

    /** Takes a carton off an open load (a wrong pallet position, a carton held back). */
    Mono<Void> unload(Caller.Worker worker, UUID loadId, String scan) {
        String sscc = ScannedSscc.parse("sscc", scan);
        return queries.header(loadId, worker.nodeId(), "SHARE")
                .flatMap(load -> load.isOpen() ? Mono.just(load) : Mono.error(closed(load)))
                .flatMap(load -> db.sql("DELETE FROM load_cartons WHERE load_id = :load AND sscc = :sscc RETURNING shipment_id")
                        .bind("load", load.id()).bind("sscc", sscc)
                        .map(row -> row.get("shipment_id", UUID.class)).one()
                        .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.NOT_FOUND, "Carton " + sscc + " is not on this load")))
                        .flatMap(shipmentId -> shipments.markUnloaded(shipmentId, load.id())));
    }

    static ApiProblem closed(LoadQueries.Header load) {
        return ApiProblem.of(ProblemType.LOAD_CLOSED, "The " + load.carrier() + " load of " + load.shipDay() + " is closed (manifest "
                + load.manifestNumber() + "); open the carrier's next load");
    }

    /** A carrier's code as the carriers' directory spells it: lower case. */
    static String carrier(String code) {
        String carrier = code == null ? "" : CarrierCodes.normalise(code);
        if (!CARRIER.matcher(carrier).matches()) {
            throw ApiProblem.invalid("carrier", "must be a carrier code such as sandbox, dpd-baltics or easypost:usps");
        }
        return carrier;
    }
}
