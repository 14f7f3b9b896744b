package io.stowage.api.shipping;

import io.stowage.api.Published;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/** What labels cost at the carrier, for billing: every live labelled shipment with the price the carrier quoted for it. */
@Service
@Published
public class ShipmentCosts {

    private final DatabaseClient db;

    public ShipmentCosts(DatabaseClient db) {
        this.db = db;
    }

    /** A bought label; {@code priceMinor} and {@code currency} are null when the carrier gave no price. */
    public record LabelCost(UUID shipmentId, String orderNumber, int cartonNumber, String carrier, String serviceCode, String trackingNumber,
                            Long priceMinor, String currency, Instant labelledAt) {
    }

    /** The merchant's shipments labelled in [from, to) and not voided, by label time. */
    public Flux<LabelCost> labelledBetween(UUID merchantId, Instant from, Instant to) {
        return db.sql("""
                        SELECT id, order_number, carton_number, carrier_code, service_code, tracking_number, price_minor, currency, labelled_at
                        FROM shipments
                        WHERE merchant_id = :merchant AND status IN ('labelled', 'loaded', 'shipped')
                          AND labelled_at >= :from AND labelled_at < :to
                        ORDER BY labelled_at, id
                        """)
                .bind("merchant", merchantId)
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC)).bind("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .map(row -> new LabelCost(row.get("id", UUID.class), row.get("order_number", String.class), row.get("carton_number", Integer.class),
                        row.get("carrier_code", String.class), row.get("service_code", String.class), row.get("tracking_number", String.class),
                        row.get("price_minor", Long.class), row.get("currency", String.class), row.get("labelled_at", OffsetDateTime.class).toInstant()))
                .all();
    }
}
