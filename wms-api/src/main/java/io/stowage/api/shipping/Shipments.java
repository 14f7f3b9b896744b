package io.stowage.api.shipping;

import io.stowage.api.Published;
import io.stowage.api.carriers.CarrierCodes;
import io.stowage.api.network.Network;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Shipments as other features read them (dispatch's loading scan and manifests, tracking), and the
 * two steps dispatch takes with a shipment inside its own transaction: loaded onto a trailer, shipped.
 */
@Component
@Published
public class Shipments {

    private final DatabaseClient db;
    private final Network network;

    Shipments(DatabaseClient db, Network network) {
        this.db = db;
        this.network = network;
    }

    /** The shipment, when it exists and belongs to the merchant (any merchant's when {@code merchantIdOrNull} is null). */
    public Mono<ShipmentView> byId(UUID merchantIdOrNull, UUID shipmentId) {
        return db.sql("SELECT " + ShipmentRows.COLUMNS + " FROM shipments s WHERE s.id = :id"
                        + (merchantIdOrNull == null ? "" : " AND s.merchant_id = :merchant"))
                .bind("id", shipmentId)
                .bindValues(merchantIdOrNull == null ? Map.of() : Map.of("merchant", merchantIdOrNull))
                .map(ShipmentRows::view).one();
    }

    /** The shipment whose carton carries this SSCC (18 digits), or empty. */
    public Mono<ShipmentView> bySscc(String sscc) {
        return db.sql("SELECT " + ShipmentRows.COLUMNS + " FROM shipments s WHERE s.sscc = :sscc")
                .bind("sscc", sscc).map(ShipmentRows::view).one();
    }

    /** The order's shipments by carton number. */
    public Flux<ShipmentView> ofOrder(UUID orderId) {
        return db.sql("SELECT " + ShipmentRows.COLUMNS + " FROM shipments s WHERE s.order_id = :order ORDER BY s.carton_number, s.id")
                .bind("order", orderId).map(ShipmentRows::view).all();
    }

    /**
     * The carrier's shipments labelled at the node on that day (the node's local day), not voided:
     * what its end-of-day manifest lists. Ordered by label time.
     */
    public Flux<ShipmentView> labelledAt(UUID nodeId, String carrier, LocalDate day) {
        return network.node(nodeId).flatMapMany(node -> {
            ZoneId zone = ZoneId.of(node.timeZone());
            ZonedDateTime from = day.atStartOfDay(zone);
            return db.sql("SELECT " + ShipmentRows.COLUMNS + """
                             FROM shipments s
                            WHERE s.node_id = :node AND s.carrier_code = :carrier
                              AND s.labelled_at >= :from AND s.labelled_at < :to
                              AND s.status IN ('labelled', 'loaded', 'shipped')
                            ORDER BY s.labelled_at, s.id
                            """)
                    .bind("node", nodeId).bind("carrier", CarrierCodes.normalise(carrier))
                    .bind("from", from.toOffsetDateTime()).bind("to", day.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                    .map(ShipmentRows::view).all();
        });
    }

    /** A labelled carton scanned onto a trailer of the load; run in the caller's transaction. A repeat for the same load is a no-op. */
    public Mono<Void> markLoaded(UUID shipmentId, UUID loadId) {
        return move(shipmentId, loadId, "loaded", "loaded_at", "('labelled', 'loaded')");
    }

    /**
     * A loaded carton taken off its trailer before the load left (dispatch's unload): labelled again
     * and on no load, so it may be loaded onto another trailer or voided. Run in the caller's transaction.
     */
    public Mono<Void> markUnloaded(UUID shipmentId, UUID loadId) {
        return db.sql("""
                        UPDATE shipments SET status = 'labelled', load_id = NULL, loaded_at = NULL, updated_at = clock_timestamp()
                        WHERE id = :id AND status = 'loaded' AND load_id = :load
                        """)
                .bind("id", shipmentId).bind("load", loadId)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("Shipment " + shipmentId + " is not loaded on load " + loadId)));
    }

    /** The carton left with its carrier; run in the caller's transaction (dispatch's manifest). */
    public Mono<Void> markShipped(UUID shipmentId, UUID loadId) {
        return move(shipmentId, loadId, "shipped", "shipped_at", "('labelled', 'loaded', 'shipped')");
    }

    private Mono<Void> move(UUID shipmentId, UUID loadId, String to, String timestampColumn, String allowedFrom) {
        return db.sql("UPDATE shipments SET status = '" + to + "', load_id = :load, " + timestampColumn + " = coalesce("
                        + timestampColumn + ", clock_timestamp()), updated_at = clock_timestamp()"
                        + " WHERE id = :id AND status IN " + allowedFrom + " AND (load_id IS NULL OR load_id = :load)")
                .bind("id", shipmentId).bind("load", loadId)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : byId(null, shipmentId)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Shipment", shipmentId)))
                        .flatMap(shipment -> Mono.error(ApiProblem.of(ProblemType.SHIPMENT_NOT_SHIPPABLE, "Shipment " + shipment.sscc()
                                + " is " + shipment.status() + (shipment.status().equals(to) ? " on another load" : "")
                                + "; only a labelled carton can be " + to))));
    }
}
