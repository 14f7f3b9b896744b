package io.stowage.api.dayplan;

import io.stowage.api.Published;
import java.time.OffsetDateTime;
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
}
