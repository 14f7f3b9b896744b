package io.stowage.api.returns;

import io.stowage.api.Published;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * The return labels bought for the merchant's returns, with the carrier's price, for work that
 * charges them (billing). A return's label is bought when the return is requested, so that is its date.
 */
@Service
@Published
public class ReturnLabelCosts {

    /**
     * @param priceMinor the carrier's price in minor units of {@code currency}, or null when the carrier gave none
     * @param paidBy who the merchant's return policy said pays the label (merchant or customer), when it was bought
     */
    public record ReturnLabelCost(UUID returnId, String rma, String carrier, String trackingNumber, Long priceMinor, String currency,
                                  String paidBy, Instant boughtAt) {
    }

    private final DatabaseClient db;

    ReturnLabelCosts(DatabaseClient db) {
        this.db = db;
    }

    /** The merchant's return labels bought from {@code from} (inclusive) to {@code to} (exclusive), in the order they were bought. */
    public Flux<ReturnLabelCost> boughtBetween(UUID merchantId, Instant from, Instant to) {
        return db.sql("""
                        SELECT id, rma, label_carrier, label_tracking, label_price_minor, label_currency, label_paid_by, requested_at FROM returns
                        WHERE merchant_id = :merchant AND label_tracking IS NOT NULL AND requested_at >= :from AND requested_at < :to
                        ORDER BY requested_at, id
                        """)
                .bind("merchant", merchantId).bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .map(row -> new ReturnLabelCost(row.get("id", UUID.class), row.get("rma", String.class), row.get("label_carrier", String.class),
                        row.get("label_tracking", String.class), row.get("label_price_minor", Long.class), row.get("label_currency", String.class),
                        row.get("label_paid_by", String.class), row.get("requested_at", OffsetDateTime.class).toInstant()))
                .all();
    }
}
