package io.stowage.api.packing;

import io.stowage.api.Published;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/** Cartons packers closed, for billing: which order, in which box and when. */
@Service
@Published
public class ClosedCartons {

    private final DatabaseClient db;

    public ClosedCartons(DatabaseClient db) {
        this.db = db;
    }

    /** A closed carton; {@code boxTypeCode} is null when the packer used no box type of the catalogue. */
    public record ClosedCarton(UUID id, UUID orderId, int cartonNumber, String boxTypeCode, Instant closedAt) {
    }

    /** The merchant's cartons closed in [from, to), by close time. */
    public Flux<ClosedCarton> closedBetween(UUID merchantId, Instant from, Instant to) {
        return db.sql("""
                        SELECT id, order_id, carton_number, box_type_code, closed_at FROM cartons
                        WHERE merchant_id = :merchant AND status = 'closed' AND closed_at >= :from AND closed_at < :to
                        ORDER BY closed_at, id
                        """)
                .bind("merchant", merchantId)
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC)).bind("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .map(row -> new ClosedCarton(row.get("id", UUID.class), row.get("order_id", UUID.class), row.get("carton_number", Integer.class),
                        row.get("box_type_code", String.class), row.get("closed_at", OffsetDateTime.class).toInstant()))
                .all();
    }
}
