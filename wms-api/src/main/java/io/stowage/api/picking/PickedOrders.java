package io.stowage.api.picking;

import io.stowage.api.Published;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/** What was picked per order, for billing: the lines and units taken off the shelves and when picking of the order began. */
@Service
@Published
public class PickedOrders {

    private final DatabaseClient db;

    public PickedOrders(DatabaseClient db) {
        this.db = db;
    }

    /** An order's picking: distinct order lines and units picked (units lost after picking included: the work was done). */
    public record PickedOrder(UUID orderId, int lines, long units, Instant firstPickedAt) {
    }

    /** The merchant's orders whose first pick was in [from, to), by first pick. */
    public Flux<PickedOrder> firstPickedBetween(UUID merchantId, Instant from, Instant to) {
        return db.sql("""
                        SELECT order_id, count(DISTINCT line_no) AS lines, sum(picked_quantity) AS units, min(picked_at) AS first_picked_at
                        FROM pick_tasks
                        WHERE merchant_id = :merchant AND picked_quantity > 0 AND picked_at IS NOT NULL
                        GROUP BY order_id
                        HAVING min(picked_at) >= :from AND min(picked_at) < :to
                        ORDER BY min(picked_at), order_id
                        """)
                .bind("merchant", merchantId)
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC)).bind("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .map(row -> new PickedOrder(row.get("order_id", UUID.class), row.get("lines", Number.class).intValue(),
                        row.get("units", Number.class).longValue(), row.get("first_picked_at", OffsetDateTime.class).toInstant()))
                .all();
    }
}
