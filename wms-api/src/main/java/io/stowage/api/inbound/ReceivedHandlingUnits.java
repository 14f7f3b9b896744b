package io.stowage.api.inbound;

import io.stowage.api.Published;
import io.stowage.api.database.Params;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The cartons and pallets a merchant's units arrived in, as receiving recorded them: for work that
 * charges or counts them (billing charges receiving per carton and per pallet). A handling unit is
 * recorded once per delivery (an ASN, or a blind receipt's UTC day), by the first receipt that names it.
 */
@Service
@Published
public class ReceivedHandlingUnits {

    /**
     * @param unitType {@code carton} or {@code pallet}
     * @param code its SSCC (18 digits) or the shipper's own number
     * @param asnReference the ASN it came with, null for a blind receipt
     */
    public record HandlingUnit(UUID id, String unitType, String code, String asnReference, long firstMovementId, Instant firstReceivedAt) {
    }

    private final DatabaseClient db;

    ReceivedHandlingUnits(DatabaseClient db) {
        this.db = db;
    }

    /** The merchant's cartons and pallets first received in [from, to), in the order they arrived. */
    public Flux<HandlingUnit> firstReceivedBetween(UUID merchantId, Instant from, Instant to) {
        return db.sql("""
                        SELECT h.id, h.unit_type, h.code, a.reference, h.first_movement_id, h.first_received_at
                        FROM received_handling_units h LEFT JOIN asns a ON a.id = h.asn_id
                        WHERE h.merchant_id = :merchant AND h.first_received_at >= :from AND h.first_received_at < :to
                        ORDER BY h.first_received_at, h.id
                        """)
                .bind("merchant", merchantId).bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .map(row -> new HandlingUnit(row.get("id", UUID.class), row.get("unit_type", String.class), row.get("code", String.class),
                        row.get("reference", String.class), row.get("first_movement_id", Long.class),
                        row.get("first_received_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /**
     * Records the carton or pallet a receipt's units came in, unless this delivery already named it.
     * Runs in the receipt's transaction; the unique key makes two receivers scanning one pallet at
     * once record it once.
     */
    Mono<Void> record(UUID merchantId, UUID nodeId, String unitType, String code, UUID asnId, long movementId) {
        if (code == null) {
            return Mono.empty();
        }
        return db.sql("""
                        INSERT INTO received_handling_units (merchant_id, node_id, unit_type, code, delivery, asn_id, first_movement_id, first_received_at)
                        VALUES (:merchant, :node, :type, :code,
                                CASE WHEN CAST(:asn AS uuid) IS NULL THEN 'blind:' || CAST(CAST(now() AT TIME ZONE 'UTC' AS date) AS text)
                                     ELSE 'asn:' || CAST(:asn AS text) END,
                                :asn, :movement, now())
                        ON CONFLICT (merchant_id, node_id, unit_type, code, delivery) DO NOTHING
                        """)
                .bind("merchant", merchantId).bind("node", nodeId).bind("type", unitType).bind("code", code)
                .bind("asn", Params.nullable(asnId, UUID.class)).bind("movement", movementId)
                .then();
    }
}
