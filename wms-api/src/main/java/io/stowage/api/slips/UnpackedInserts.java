package io.stowage.api.slips;

import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.picking.PickedUnits;
import io.stowage.api.picking.UnpackedUnits;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The inserts of a cancelled order's closed cartons: they left the books when the carton closed, but
 * the order never shipped, so they are at the pack station in the unpacked carton. Each comes back
 * on the books there (an {@code insert_unpacked} movement) once, marked on its row, and the order's
 * put-back brings it to the location it was taken from. An order cannot be cancelled once one of its
 * cartons left on a closed load, so every closed carton of a cancelled order is still in the building.
 */
@Component
class UnpackedInserts implements UnpackedUnits {

    private record Claimed(long id, UUID cartonId, long movementId) {
    }

    private final DatabaseClient db;
    private final StockLedger ledger;
    private final PickedUnits picked;

    UnpackedInserts(DatabaseClient db, StockLedger ledger, PickedUnits picked) {
        this.db = db;
        this.ledger = ledger;
        this.picked = picked;
    }

    @Override
    public Flux<Unit> bookBack(UUID merchantId, UUID orderId, String actor) {
        return db.sql("""
                        UPDATE carton_inserts SET unpacked_at = clock_timestamp()
                        WHERE merchant_id = :merchant AND order_id = :order AND status = 'taken' AND movement_id IS NOT NULL
                          AND unpacked_at IS NULL
                        RETURNING id, carton_id, movement_id
                        """)
                .bind("merchant", merchantId).bind("order", orderId)
                .map(row -> new Claimed(row.get("id", Long.class), row.get("carton_id", UUID.class), row.get("movement_id", Long.class)))
                .all()
                .collectList()
                .flatMapMany(claimed -> Flux.fromIterable(claimed).concatMap(insert -> ledger.taken(merchantId, insert.movementId())
                        .flatMap(taken -> picked.dropOff(taken.nodeId())
                                .flatMap(dropOff -> ledger.post(new Movement(merchantId, taken.nodeId(), taken.variantId(),
                                                StockLedger.NO_LOT.equals(taken.lotKey()) ? null : taken.lotKey(), MovementKind.INSERT_UNPACKED,
                                                taken.quantity(), null, null, dropOff, StockStatus.AVAILABLE,
                                                "insert of a carton unpacked: order " + orderId + " cancelled", "carton",
                                                insert.cartonId().toString(), actor, null))
                                        .flatMap(movement -> db.sql("UPDATE carton_inserts SET unpacked_movement_id = :movement WHERE id = :id")
                                                .bind("movement", movement).bind("id", insert.id()).then())
                                        .thenReturn(new Unit(taken.nodeId(), taken.variantId(), taken.lotKey(), dropOff, taken.fromLocationId(),
                                                taken.quantity()))))));
    }
}
