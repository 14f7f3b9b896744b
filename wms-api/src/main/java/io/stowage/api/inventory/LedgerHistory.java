package io.stowage.api.inventory;

import io.stowage.api.Published;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * The ledger read back for others: a merchant's movements of some kinds in a time window, and what
 * every merchant held where at a past instant. The ledger is append-only, so both answers for a
 * past window never change: billing relies on that to recompute an invoice to the cent.
 */
@Service
@Published
public class LedgerHistory {

    private final DatabaseClient db;

    public LedgerHistory(DatabaseClient db) {
        this.db = db;
    }

    /** One movement as the ledger recorded it. */
    public record Entry(long id, MovementKind kind, UUID variantId, int quantity, String referenceType, String referenceId, Instant at) {
    }

    /** Units of a merchant's variant at a location. */
    public record OnHand(UUID merchantId, UUID locationId, UUID variantId, long quantity) {
    }

    /** Where a movement took units: the task (or other reference) it was booked for and its destination. */
    public record Destination(String referenceId, UUID variantId, UUID toLocationId) {
    }

    /**
     * Where the merchant's movements of this kind booked for these references (of one type, such as
     * {@code pick_task}) took their units; one entry per movement.
     */
    public Flux<Destination> destinations(UUID merchantId, MovementKind kind, String referenceType, Collection<String> referenceIds) {
        return db.sql("""
                        SELECT reference_id, variant_id, to_location_id FROM stock_movements
                        WHERE merchant_id = :merchant AND kind = :kind AND reference_type = :type AND reference_id = ANY(:references)
                        """)
                .bind("merchant", merchantId).bind("kind", kind.db()).bind("type", referenceType)
                .bind("references", referenceIds.toArray(String[]::new))
                .map(row -> new Destination(row.get("reference_id", String.class), row.get("variant_id", UUID.class),
                        row.get("to_location_id", UUID.class)))
                .all();
    }

    /** The merchant's movements of these kinds recorded in [from, to), in ledger order. */
    public Flux<Entry> movements(UUID merchantId, Collection<MovementKind> kinds, Instant from, Instant to) {
        return db.sql("""
                        SELECT id, kind, variant_id, quantity, reference_type, reference_id, created_at FROM stock_movements
                        WHERE merchant_id = :merchant AND kind = ANY(:kinds) AND created_at >= :from AND created_at < :to
                        ORDER BY id
                        """)
                .bind("merchant", merchantId).bind("kinds", kinds.stream().map(MovementKind::db).toArray(String[]::new))
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC)).bind("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .map(row -> new Entry(row.get("id", Long.class), MovementKind.valueOf(row.get("kind", String.class).toUpperCase(java.util.Locale.ROOT)),
                        row.get("variant_id", UUID.class), row.get("quantity", Integer.class), row.get("reference_type", String.class),
                        row.get("reference_id", String.class), row.get("created_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /**
     * What every merchant held at each location just before {@code at}, summed from the ledger (units
     * in minus units out, whatever their status), positive holdings only. Derived from the ledger
     * rather than the live balances so that a day missed by a nightly job is photographed later
     * exactly as it was.
     */
    public Flux<OnHand> onHandBefore(Instant at) {
        return db.sql("""
                        SELECT merchant_id, location_id, variant_id, sum(quantity) AS quantity FROM (
                            SELECT merchant_id, to_location_id AS location_id, variant_id, quantity FROM stock_movements
                            WHERE created_at < :at AND to_location_id IS NOT NULL
                            UNION ALL
                            SELECT merchant_id, from_location_id, variant_id, -quantity FROM stock_movements
                            WHERE created_at < :at AND from_location_id IS NOT NULL) AS moved
                        GROUP BY merchant_id, location_id, variant_id
                        HAVING sum(quantity) > 0
                        """)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .map(row -> new OnHand(row.get("merchant_id", UUID.class), row.get("location_id", UUID.class), row.get("variant_id", UUID.class),
                        row.get("quantity", Number.class).longValue()))
                .all();
    }
}
