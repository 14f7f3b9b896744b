package io.stowage.api.returns;

import io.stowage.api.Published;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * The units customers sent back that the returns station received, for work that charges or counts
 * them (billing): one row per graded batch of units, in the order they were graded.
 */
@Service
@Published
public class ReturnedItems {

    /**
     * @param grade restock, refurbish, quarantine or dispose
     * @param gradingId the graded batch's own number, which no other batch has (a return may grade one variant twice)
     */
    public record ReturnedItem(UUID returnId, String rma, UUID orderId, UUID variantId, String sku, int quantity, String grade, Instant receivedAt,
                               long gradingId) {
    }

    private final DatabaseClient db;

    ReturnedItems(DatabaseClient db) {
        this.db = db;
    }

    /** What the merchant's returns brought back from {@code from} (inclusive) to {@code to} (exclusive). */
    public Flux<ReturnedItem> receivedBetween(UUID merchantId, Instant from, Instant to) {
        return db.sql("""
                        SELECT g.id, g.return_id, r.rma, r.order_id, g.variant_id, l.sku, g.quantity, g.grade, g.graded_at
                        FROM return_grades g
                        JOIN returns r ON r.id = g.return_id
                        JOIN return_lines l ON l.return_id = g.return_id AND l.line_no = g.line_no
                        WHERE g.merchant_id = :merchant AND g.graded_at >= :from AND g.graded_at < :to
                        ORDER BY g.graded_at, g.id
                        """)
                .bind("merchant", merchantId).bind("from", from.atOffset(java.time.ZoneOffset.UTC)).bind("to", to.atOffset(java.time.ZoneOffset.UTC))
                .map(row -> new ReturnedItem(row.get("return_id", UUID.class), row.get("rma", String.class), row.get("order_id", UUID.class),
                        row.get("variant_id", UUID.class), row.get("sku", String.class), row.get("quantity", Integer.class),
                        row.get("grade", String.class), row.get("graded_at", OffsetDateTime.class).toInstant(),
                        row.get("id", Long.class)))
                .all();
    }
}
