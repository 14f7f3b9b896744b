package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.inbound.Putaway;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.orders.OrderStatus;
import io.stowage.api.paging.Page;
import io.stowage.api.picking.ScannedMoves.TaskKind;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Units picked for an order that was cancelled afterwards: the pick moved them to the pack station,
 * and the cancellation gave them back to sale, so they are sellable stock in the wrong place. A
 * put-back task brings them back to the shelf they were picked from, one task per variant, lot and
 * shelf of the order's picks (one trip a shelf, however many lines or tasks took units there). A
 * shelf that no longer fits them (deactivated, or now another variant's pick face) gives way to the
 * putaway suggestion.
 * <p>
 * A worker confirms a task as a replenishment, by scanning the pack station, the product and the
 * shelf, and counts the units moved ({@link ScannedMoves}). Fewer than the task means units went
 * missing at the pack station: the task's missing units (not the pack station's other orders' units)
 * are written off there to investigate.
 * <p>
 * A cancelled order's closed cartons may also hold units no pick brought (packing inserts): the
 * features that took them book them back at the pack station ({@link UnpackedUnits}) and the order
 * gets put-back tasks for them too, to the location they were taken from.
 */
@Service
class PutBacks {

    static final String COLUMNS = """
            p.id, p.status, p.order_id, v.sku, lt.lot_number, fl.code AS from_code, pl.code AS picked_from_code, tl.code AS to_code,
            p.quantity, p.moved_quantity, p.created_by, p.created_at, p.done_by, p.done_at
            FROM put_back_tasks p JOIN variants v ON v.id = p.variant_id
            JOIN locations fl ON fl.id = p.from_location_id JOIN locations pl ON pl.id = p.picked_from_location_id
            JOIN locations tl ON tl.id = p.to_location_id
            LEFT JOIN lots lt ON lt.id = p.lot_key
            """;

    private static final ScannedMoves.Listing<PutBackTaskView> LISTING = new ScannedMoves.Listing<>(TaskKind.PUT_BACK, COLUMNS, "p",
            PutBacks::view, PutBackTaskView::createdAt, PutBackTaskView::id);

    /** The confirmed task, the units moved and what went missing at the pack station. */
    record PutBackConfirmation(PutBackTaskView task, int movedQuantity, int unitsWrittenOff) {
    }

    /** Units of one variant and lot an order's picks took from one shelf to one drop-off location, and what that holds of them now. */
    private record Picked(UUID nodeId, UUID variantId, UUID lotKey, UUID shelfId, boolean shelfFits, UUID dropOffId, int units,
                          int atDropOff) {

        static Picked of(Readable row) {
            return new Picked(row.get("node_id", UUID.class), row.get("variant_id", UUID.class), row.get("lot_key", UUID.class),
                    row.get("shelf_id", UUID.class), row.get("shelf_fits", Boolean.class), row.get("drop_off_id", UUID.class),
                    row.get("units", Number.class).intValue(), row.get("at_drop_off", Number.class).intValue());
        }
    }

    private final DatabaseClient db;
    private final Putaway putaway;
    private final ScannedMoves scannedMoves;
    private final OrderContents orders;
    private final ObjectProvider<UnpackedUnits> unpacked;

    PutBacks(DatabaseClient db, Putaway putaway, ScannedMoves scannedMoves, OrderContents orders, ObjectProvider<UnpackedUnits> unpacked) {
        this.db = db;
        this.putaway = putaway;
        this.scannedMoves = scannedMoves;
        this.orders = orders;
        this.unpacked = unpacked;
    }

    /**
     * Creates the put-back tasks of a cancelled order, in the caller's transaction. The drop-off
     * location is the one each pick's ledger row put the units at. Units the packer declared missing
     * there were written off already (the picks count them lost) and are left out. A task never asks
     * for more than the drop-off location holds of the variant now. Then the units of its unpacked
     * cartons that no pick brought ({@link UnpackedUnits}) are booked back and asked for. Creating
     * them again adds nothing.
     */
    Mono<Void> forCancelledOrder(UUID merchantId, UUID orderId) {
        return orders.movedBy(orderId, OrderStatus.CANCELLED).defaultIfEmpty("system")
                .flatMap(cancelledBy -> tasks(merchantId, orderId, cancelledBy).then(unpackedTasks(merchantId, orderId, cancelledBy)));
    }

    /**
     * Put-back tasks for the units booked back now. Such a unit may share a task's key with the picks'
     * (an insert that is also an ordered SKU, taken from the same shelf): it adds to that task, which
     * was created in this same transaction, so it is still open. Units taken from the drop-off
     * location itself are back where they were and need no task.
     */
    private Mono<Void> unpackedTasks(UUID merchantId, UUID orderId, String cancelledBy) {
        return Flux.fromStream(unpacked.orderedStream())
                .concatMap(source -> source.bookBack(merchantId, orderId, cancelledBy))
                .filter(unit -> !unit.takenFromId().equals(unit.dropOffId()))
                .concatMap(unit -> db.sql("""
                                INSERT INTO put_back_tasks (node_id, merchant_id, order_id, variant_id, lot_key, from_location_id,
                                                            picked_from_location_id, to_location_id, quantity, status, created_by)
                                VALUES (:node, :merchant, :order, :variant, :lot, :from, :shelf, :shelf, :qty, 'open', :actor)
                                ON CONFLICT (order_id, variant_id, lot_key, picked_from_location_id, from_location_id)
                                DO UPDATE SET quantity = put_back_tasks.quantity + EXCLUDED.quantity
                                """)
                        .bind("node", unit.nodeId()).bind("merchant", merchantId).bind("order", orderId)
                        .bind("variant", unit.variantId()).bind("lot", unit.lotKey()).bind("from", unit.dropOffId())
                        .bind("shelf", unit.takenFromId()).bind("qty", unit.quantity()).bind("actor", cancelledBy)
                        .then())
                .then();
    }

    private Mono<Void> tasks(UUID merchantId, UUID orderId, String cancelledBy) {
        return db.sql("""
                        WITH picked AS (
                            SELECT t.node_id, t.variant_id, t.lot_key, t.location_id AS shelf_id, m.to_location_id AS drop_off_id,
                                   sum(t.picked_quantity - t.lost_quantity) AS units
                            FROM pick_tasks t
                            JOIN stock_movements m ON m.merchant_id = t.merchant_id AND m.variant_id = t.variant_id AND m.kind = 'pick'
                                                  AND m.reference_type = 'pick_task' AND m.reference_id = t.id::text
                            WHERE t.order_id = :order AND t.merchant_id = :merchant AND t.picked_quantity > t.lost_quantity
                            GROUP BY t.node_id, t.variant_id, t.lot_key, t.location_id, m.to_location_id
                        )
                        SELECT p.node_id, p.variant_id, p.lot_key, p.shelf_id, p.drop_off_id, p.units,
                               l.active AND (l.pick_face_variant_id IS NULL OR l.pick_face_variant_id = p.variant_id) AS shelf_fits,
                               coalesce((SELECT b.on_hand FROM stock_balances b WHERE b.location_id = p.drop_off_id AND b.variant_id = p.variant_id
                                           AND b.lot_key = p.lot_key AND b.status = 'available'), 0) AS at_drop_off
                        FROM picked p JOIN locations l ON l.id = p.shelf_id
                        ORDER BY l.code COLLATE "C", p.variant_id, p.lot_key
                        """)
                .bind("order", orderId).bind("merchant", merchantId)
                .map(Picked::of)
                .all()
                .filter(picked -> picked.atDropOff() > 0)
                .concatMap(picked -> destination(picked).flatMap(to -> db.sql("""
                                INSERT INTO put_back_tasks (node_id, merchant_id, order_id, variant_id, lot_key, from_location_id,
                                                            picked_from_location_id, to_location_id, quantity, status, created_by)
                                VALUES (:node, :merchant, :order, :variant, :lot, :from, :shelf, :to, :qty, 'open', :actor)
                                ON CONFLICT DO NOTHING
                                """)
                        .bind("node", picked.nodeId()).bind("merchant", merchantId).bind("order", orderId)
                        .bind("variant", picked.variantId()).bind("lot", picked.lotKey()).bind("from", picked.dropOffId())
                        .bind("shelf", picked.shelfId()).bind("to", to).bind("qty", Math.min(picked.units(), picked.atDropOff()))
                        .bind("actor", cancelledBy)
                        .then()))
                .then();
    }

    /** The shelf the units came from if it still fits them; else where putaway suggests; else that shelf all the same. */
    private Mono<UUID> destination(Picked picked) {
        if (picked.shelfFits()) {
            return Mono.just(picked.shelfId());
        }
        return putaway.suggest(picked.nodeId(), picked.variantId(), picked.dropOffId())
                .flatMap(suggestion -> db.sql("SELECT id FROM locations WHERE node_id = :node AND code = :code")
                        .bind("node", picked.nodeId()).bind("code", suggestion.locationCode())
                        .map(row -> row.get("id", UUID.class)).one())
                .defaultIfEmpty(picked.shelfId());
    }

    Mono<Page<PutBackTaskView>> list(Caller.Worker worker, String status, Integer limit, String after) {
        return scannedMoves.list(LISTING, worker, status, limit, after);
    }

    /** Confirms a task in the caller's transaction: the scans checked, the units booked back, the missing ones written off. */
    Mono<PutBackConfirmation> confirm(Caller.Worker worker, UUID taskId, ScannedMoves.Scan scan) {
        return scannedMoves.lockAndCheck(worker, TaskKind.PUT_BACK, taskId, scan)
                .flatMap(task -> scannedMoves.carryOut(worker, TaskKind.PUT_BACK, task, scan.quantity())
                        .flatMap(writtenOff -> db.sql("SELECT " + COLUMNS + " WHERE p.id = :task").bind("task", task.id())
                                .map(PutBacks::view).one()
                                .map(view -> new PutBackConfirmation(view, scan.quantity(), writtenOff))));
    }

    private static PutBackTaskView view(Readable row) {
        return new PutBackTaskView(row.get("id", UUID.class), row.get("status", String.class), row.get("order_id", UUID.class),
                row.get("sku", String.class), row.get("lot_number", String.class), row.get("from_code", String.class),
                row.get("picked_from_code", String.class), row.get("to_code", String.class), row.get("quantity", Integer.class),
                row.get("moved_quantity", Integer.class), row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class),
                row.get("done_by", String.class), row.get("done_at", OffsetDateTime.class));
    }
}
