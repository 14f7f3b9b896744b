package io.stowage.api.dayplan;

import io.stowage.api.Published;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The day plan's published query: which service an order's parcel is planned on. Shipping buys the
 * label for it at carton close; an order the plan could not place (or has not planned yet) has none.
 */
@Service
@Published
public class CarrierPlans {

    private final DatabaseClient db;

    CarrierPlans(DatabaseClient db) {
        this.db = db;
    }

    /** The order's planned service; empty when it is not planned or the plan left it unassigned. */
    public Mono<PlannedService> forOrder(UUID orderId) {
        return db.sql("SELECT service_code, reason, planned_at FROM planned_parcels WHERE order_id = :order AND service_code IS NOT NULL")
                .bind("order", orderId)
                .map(row -> new PlannedService(orderId, row.get("service_code", String.class), row.get("reason", String.class),
                        row.get("planned_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    /**
     * The carrier each order of the node is planned on, for the node's orders the plan placed
     * (labelled or not); picking cuts waves for one carrier's pickup from it.
     */
    public Mono<Map<UUID, String>> carriersAt(UUID nodeId) {
        return db.sql("SELECT order_id, carrier_code FROM planned_parcels WHERE node_id = :node AND carrier_code IS NOT NULL")
                .bind("node", nodeId)
                .map(row -> Map.entry(row.get("order_id", UUID.class), row.get("carrier_code", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
