package io.stowage.api.inventory;

import io.stowage.api.Published;
import io.stowage.api.database.Params;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The only way stock changes. Each {@link #post} appends to the movement ledger and updates, in the
 * caller's transaction, the balances derived from it: the location balance, the node's sellable
 * level and the variant's total. Taking units is a conditional update, so two requests on any
 * number of service instances can never take the same unit.
 */
@Service
@Published
public class StockLedger {

    /** Lots are optional; untracked stock is keyed under the nil UUID so the balance key stays unique. */
    public static final UUID NO_LOT = new UUID(0, 0);

    private final DatabaseClient db;
    private final AvailableTotals totals;

    public StockLedger(DatabaseClient db, AvailableTotals totals) {
        this.db = db;
        this.totals = totals;
    }

    /** Records the movement; returns its ledger id. Must run inside a transaction. */
    public Mono<Long> post(Movement movement) {
        UUID lotKey = movement.lotId() == null ? NO_LOT : movement.lotId();
        Mono<Void> take = movement.fromLocationId() == null ? Mono.empty() : take(movement, lotKey);
        Mono<Void> put = movement.toLocationId() == null ? Mono.empty() : put(movement, lotKey);
        return take.then(put).then(append(movement)).flatMap(id -> adjustSellable(movement).thenReturn(id));
    }

    /**
     * Units promised to an order leave the node with its carrier: the movement (a
     * {@link MovementKind#SHIPMENT} from the location that holds them to nowhere) as {@link #post}
     * records it, and the node's reservation of them ends with them: on hand and reserved fall
     * together, so availability does not change and stores are told nothing. The caller locks the
     * node's level first ({@link Reservations#lock}) and, in the same transaction, ends the order's
     * allocation of the units ({@code OrderFulfilment.unitsShipped}), so that reservations keep
     * matching open allocations. A reference's units of a variant and lot ship once: the ledger
     * refuses a second shipment movement for them (a unique index), whatever retries or instances do.
     * Returns the movement's ledger id.
     */
    public Mono<Long> ship(Movement movement) {
        if (movement.kind() != MovementKind.SHIPMENT || movement.fromLocationId() == null || movement.toLocationId() != null
                || !movement.fromStatus().sellable() || movement.referenceType() == null || movement.referenceId() == null) {
            return Mono.error(new IllegalArgumentException("A shipment takes sellable units from a location to nowhere, for a reference: " + movement));
        }
        UUID lotKey = movement.lotId() == null ? NO_LOT : movement.lotId();
        return take(movement, lotKey)
                .then(append(movement))
                .onErrorMap(DataIntegrityViolationException.class, e -> new IllegalStateException("The units of " + movement.referenceType() + " "
                        + movement.referenceId() + " have shipped already", e))
                .flatMap(id -> db.sql("""
                                UPDATE stock_levels SET on_hand = on_hand - :qty, reserved = reserved - :qty
                                WHERE merchant_id = :merchant AND variant_id = :variant AND node_id = :node AND reserved >= :qty
                                """)
                        .bind("qty", movement.quantity()).bind("merchant", movement.merchantId()).bind("variant", movement.variantId())
                        .bind("node", movement.nodeId())
                        .fetch().rowsUpdated()
                        .flatMap(updated -> updated == 1 ? Mono.just(id) : Mono.error(new IllegalStateException("The node does not hold "
                                + movement.quantity() + " reserved units of variant " + movement.variantId() + " to ship"))));
    }

    /**
     * What {@link #takeSpare} takes: units of a variant at a node, for work that sends them away with
     * something else (a packing insert goes out in a carton), with the ledger's who and why.
     */
    public record SpareTake(UUID merchantId, UUID nodeId, UUID variantId, int quantity, MovementKind kind, String reason,
                            String referenceType, String referenceId, String actor, String deviceId) {
    }

    /**
     * Takes units the node can spare, from one location that holds them available (the earliest
     * expiring lot first, then the location holding most), and records the movement; returns its
     * ledger id. Units promised to orders are not spare: the node's available units less its
     * reservations must cover the quantity. Empty, with nothing changed, when the node cannot spare
     * them, so that the caller's transaction goes on (a missing insert must not stop a parcel). The
     * rows are locked before the checks, so the movement cannot then fail for want of stock.
     * Must run inside a transaction.
     */
    public Mono<Long> takeSpare(SpareTake spare) {
        if (spare.quantity() <= 0) {
            return Mono.error(new IllegalArgumentException("A take moves at least one unit"));
        }
        // Balance row first, then the node's level: the order in which post() changes them.
        return db.sql("""
                        SELECT b.location_id, b.lot_key FROM stock_balances b
                        LEFT JOIN lots l ON l.id = b.lot_key
                        WHERE b.merchant_id = :merchant AND b.node_id = :node AND b.variant_id = :variant
                          AND b.status = 'available' AND b.on_hand >= :qty
                          AND (l.expires_on IS NULL OR l.expires_on > CURRENT_DATE)
                        ORDER BY l.expires_on NULLS LAST, b.on_hand DESC, b.location_id
                        LIMIT 1
                        FOR UPDATE OF b
                        """)
                .bind("merchant", spare.merchantId()).bind("node", spare.nodeId()).bind("variant", spare.variantId())
                .bind("qty", spare.quantity())
                .map(row -> new UUID[] {row.get("location_id", UUID.class), row.get("lot_key", UUID.class)})
                .one()
                .filterWhen(found -> db.sql("""
                                SELECT on_hand - reserved AS spare FROM stock_levels
                                WHERE merchant_id = :merchant AND variant_id = :variant AND node_id = :node
                                FOR UPDATE
                                """)
                        .bind("merchant", spare.merchantId()).bind("variant", spare.variantId()).bind("node", spare.nodeId())
                        .map(row -> row.get("spare", Integer.class) >= spare.quantity())
                        .one()
                        .defaultIfEmpty(false))
                .flatMap(found -> post(new Movement(spare.merchantId(), spare.nodeId(), spare.variantId(),
                        NO_LOT.equals(found[1]) ? null : found[1], spare.kind(), spare.quantity(), found[0], StockStatus.AVAILABLE, null, null,
                        spare.reason(), spare.referenceType(), spare.referenceId(), spare.actor(), spare.deviceId())));
    }

    /** Where a movement took its units from: the node, variant, lot key and location, and how many. */
    public record Taken(UUID nodeId, UUID variantId, UUID lotKey, UUID fromLocationId, int quantity) {
    }

    /**
     * What the merchant's movement took from a location (for work that later brings the units back,
     * such as a packing insert taken out of an unpacked carton); empty when it is not the merchant's
     * or took nothing from a location.
     */
    public Mono<Taken> taken(UUID merchantId, long movementId) {
        return db.sql("""
                        SELECT node_id, variant_id, lot_id, from_location_id, quantity FROM stock_movements
                        WHERE id = :id AND merchant_id = :merchant AND from_location_id IS NOT NULL
                        """)
                .bind("id", movementId).bind("merchant", merchantId)
                .map(row -> {
                    UUID lot = row.get("lot_id", UUID.class);
                    return new Taken(row.get("node_id", UUID.class), row.get("variant_id", UUID.class), lot == null ? NO_LOT : lot,
                            row.get("from_location_id", UUID.class), row.get("quantity", Integer.class));
                })
                .one();
    }

    private Mono<Void> take(Movement m, UUID lotKey) {
        return db.sql("""
                        UPDATE stock_balances SET on_hand = on_hand - :qty
                        WHERE location_id = :location AND variant_id = :variant AND lot_key = :lot AND status = :status
                          AND merchant_id = :merchant AND on_hand >= :qty
                        """)
                .bind("qty", m.quantity()).bind("location", m.fromLocationId()).bind("variant", m.variantId())
                .bind("lot", lotKey).bind("status", m.fromStatus().db()).bind("merchant", m.merchantId())
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : Mono.error(ApiProblem.of(ProblemType.INSUFFICIENT_STOCK, "The location does not hold " + m.quantity() + " " + m.fromStatus().db()
                                + " units of this variant" + (m.lotId() == null ? "" : " and lot"))));
    }

    private Mono<Void> put(Movement m, UUID lotKey) {
        return db.sql("""
                        INSERT INTO stock_balances (merchant_id, node_id, location_id, variant_id, lot_key, status, on_hand)
                        VALUES (:merchant, :node, :location, :variant, :lot, :status, :qty)
                        ON CONFLICT (location_id, variant_id, lot_key, status)
                        DO UPDATE SET on_hand = stock_balances.on_hand + EXCLUDED.on_hand
                        """)
                .bind("merchant", m.merchantId()).bind("node", m.nodeId()).bind("location", m.toLocationId())
                .bind("variant", m.variantId()).bind("lot", lotKey).bind("status", m.toStatus().db()).bind("qty", m.quantity())
                .then();
    }

    private Mono<Long> append(Movement m) {
        return db.sql("""
                        INSERT INTO stock_movements (merchant_id, node_id, variant_id, lot_id, kind, quantity,
                            from_location_id, to_location_id, from_status, to_status, reason, reference_type, reference_id, actor, device_id)
                        VALUES (:merchant, :node, :variant, :lot, :kind, :qty, :from, :to, :fromStatus, :toStatus,
                            :reason, :refType, :refId, :actor, :device)
                        RETURNING id
                        """)
                .bind("merchant", m.merchantId()).bind("node", m.nodeId()).bind("variant", m.variantId())
                .bind("lot", Params.nullable(m.lotId(), UUID.class))
                .bind("kind", m.kind().db()).bind("qty", m.quantity())
                .bind("from", Params.nullable(m.fromLocationId(), UUID.class))
                .bind("to", Params.nullable(m.toLocationId(), UUID.class))
                .bind("fromStatus", Params.nullable(m.fromStatus() == null ? null : m.fromStatus().db(), String.class))
                .bind("toStatus", Params.nullable(m.toStatus() == null ? null : m.toStatus().db(), String.class))
                .bind("reason", Params.nullable(m.reason(), String.class))
                .bind("refType", Params.nullable(m.referenceType(), String.class))
                .bind("refId", Params.nullable(m.referenceId(), String.class))
                .bind("actor", m.actor())
                .bind("device", Params.nullable(m.deviceId(), String.class))
                .map(row -> row.get("id", Long.class))
                .one();
    }

    private Mono<Void> adjustSellable(Movement m) {
        int delta = m.sellableDelta();
        if (delta == 0) {
            return Mono.empty();
        }
        // Units arriving may create the node's level; units leaving always find it, and must not cut into reservations.
        String levelSql = delta > 0
                ? """
                  INSERT INTO stock_levels (merchant_id, variant_id, node_id, on_hand)
                  VALUES (:merchant, :variant, :node, :delta)
                  ON CONFLICT (variant_id, node_id) DO UPDATE SET on_hand = stock_levels.on_hand + EXCLUDED.on_hand
                  """
                : """
                  UPDATE stock_levels SET on_hand = on_hand + :delta
                  WHERE merchant_id = :merchant AND variant_id = :variant AND node_id = :node
                  """;
        Mono<Void> level = db.sql(levelSql)
                .bind("merchant", m.merchantId()).bind("variant", m.variantId()).bind("node", m.nodeId()).bind("delta", delta)
                .then()
                .onErrorMap(DataIntegrityViolationException.class, e -> ApiProblem.of(ProblemType.STOCK_RESERVED, "These units are reserved for orders; release the reservation before removing them"));
        Mono<Void> total = totals.adjust(m.merchantId(), m.variantId(), delta, m.kind().db()).then();
        return level.then(total);
    }
}
