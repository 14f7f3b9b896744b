package io.stowage.api.shipping;

import io.stowage.api.Published;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * The parcels of an order that have left the warehouse, for work that follows them (returns): where
 * each shipped from, with which carrier and when.
 */
@Service
@Published
public class ShippedParcels {

    public record ShippedParcel(UUID shipmentId, UUID nodeId, String carrier, String serviceCode, String trackingNumber, Instant shippedAt) {
    }

    private final DatabaseClient db;

    ShippedParcels(DatabaseClient db) {
        this.db = db;
    }

    /** The order's shipped parcels, first shipped first; none when the order has not shipped or is another merchant's. */
    public Flux<ShippedParcel> ofOrder(UUID merchantId, UUID orderId) {
        return db.sql("""
                        SELECT id, node_id, carrier_code, service_code, tracking_number, shipped_at FROM shipments
                        WHERE merchant_id = :merchant AND order_id = :order AND status = 'shipped' AND shipped_at IS NOT NULL
                        ORDER BY shipped_at, id
                        """)
                .bind("merchant", merchantId).bind("order", orderId)
                .map(row -> new ShippedParcel(row.get("id", UUID.class), row.get("node_id", UUID.class), row.get("carrier_code", String.class),
                        row.get("service_code", String.class), row.get("tracking_number", String.class),
                        row.get("shipped_at", java.time.OffsetDateTime.class).toInstant()))
                .all();
    }
}
