package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.inbound.Putaway;
import io.stowage.api.inventory.LedgerHistory;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.ShelfStock;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.orders.OrderStatus;
import io.stowage.api.paging.Page;
import io.stowage.api.picking.MissingUnits.Finding;
import io.stowage.api.picking.ScannedMoves.TaskKind;
import io.stowage.api.problem.ApiProblem;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
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

    /** A put-back task's own columns (the table under alias {@code p}); names come from {@link TaskNames}. */
    static final String COLUMNS = """
            p.id, p.status, p.order_id, p.variant_id, p.lot_key, p.from_location_id, p.picked_from_location_id, p.to_location_id,
            p.quantity, p.moved_quantity, p.created_by, p.created_at, p.done_by, p.done_at
            FROM put_back_tasks p
            """;

    /** The confirmed task, the units moved and what went missing at the pack station. */
    record PutBackConfirmation(PutBackTaskView task, int movedQuantity, int unitsWrittenOff) {
    }

    /** Units of one variant and lot an order's picks took from one shelf to one drop-off location. */
    private record Picked(UUID nodeId, UUID variantId, UUID lotKey, UUID shelfId, UUID dropOffId) {
    }

    /** A pick task of the order with units still picked (not lost), before the ledger says where they went. */
    private record PickedTask(UUID id, UUID nodeId, UUID variantId, UUID lotKey, UUID shelfId, int units) {
    }

    /** A put-back task row as stored ({@link #COLUMNS}), until {@link TaskNames} names its ids. */
    private record Row(UUID id, String status, UUID orderId, UUID variantId, UUID lotKey, UUID fromLocationId, UUID pickedFromLocationId,
                       UUID toLocationId, int quantity, Integer movedQuantity, String createdBy, OffsetDateTime createdAt, String doneBy,
                       OffsetDateTime doneAt) {

        static Row of(Readable row) {
            return new Row(row.get("id", UUID.class), row.get("status", String.class), row.get("order_id", UUID.class),
                    row.get("variant_id", UUID.class), row.get("lot_key", UUID.class), row.get("from_location_id", UUID.class),
                    row.get("picked_from_location_id", UUID.class), row.get("to_location_id", UUID.class), row.get("quantity", Integer.class),
                    row.get("moved_quantity", Integer.class), row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class),
                    row.get("done_by", String.class), row.get("done_at", OffsetDateTime.class));
        }

        PutBackTaskView view(TaskNames.Names names) {
            return new PutBackTaskView(id, status, orderId, names.sku(variantId), names.lot(lotKey), names.location(fromLocationId),
                    names.location(pickedFromLocationId), names.location(toLocationId), quantity, movedQuantity, createdBy, createdAt,
                    doneBy, doneAt);
        }
    }

    private final DatabaseClient db;
    private final Putaway putaway;
    private final ScannedMoves scannedMoves;
    private final OrderContents orders;
    private final TaskNames names;
    private final LedgerHistory ledger;
    private final ShelfStock shelves;
    private final Network network;
    private final ScannedMoves.Listing<Row, PutBackTaskView> listing;
    private final ObjectProvider<UnpackedUnits> unpacked;

    PutBacks(DatabaseClient db, Putaway putaway, ScannedMoves scannedMoves, OrderContents orders, TaskNames names, LedgerHistory ledger,
             ShelfStock shelves, Network network, ObjectProvider<UnpackedUnits> unpacked) {
        this.db = db;
        this.names = names;
        this.ledger = ledger;
        this.shelves = shelves;
        this.network = network;
        this.listing = new ScannedMoves.Listing<>(TaskKind.PUT_BACK, COLUMNS, "p", Row::of, this::views, PutBackTaskView::createdAt,
                PutBackTaskView::id);
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
        return picked(merchantId, orderId).flatMapMany(picked -> Flux.fromIterable(picked.entrySet()))
                .concatMap(entry -> shelves.availableAt(entry.getKey().dropOffId(), entry.getKey().variantId(), entry.getKey().lotKey())
                        .filter(atDropOff -> atDropOff > 0)
                        .flatMap(atDropOff -> destination(entry.getKey()).flatMap(to -> db.sql("""
                                        INSERT INTO put_back_tasks (node_id, merchant_id, order_id, variant_id, lot_key, from_location_id,
                                                                    picked_from_location_id, to_location_id, quantity, status, created_by)
                                        VALUES (:node, :merchant, :order, :variant, :lot, :from, :shelf, :to, :qty, 'open', :actor)
                                        ON CONFLICT DO NOTHING
                                        """)
                                .bind("node", entry.getKey().nodeId()).bind("merchant", merchantId).bind("order", orderId)
                                .bind("variant", entry.getKey().variantId()).bind("lot", entry.getKey().lotKey())
                                .bind("from", entry.getKey().dropOffId()).bind("shelf", entry.getKey().shelfId()).bind("to", to)
                                .bind("qty", Math.min(entry.getValue(), atDropOff))
                                .bind("actor", cancelledBy)
                                .then())))
                .then();
    }

    /**
     * The units the order's picks hold, by variant, lot, shelf and the drop-off location each pick's
     * ledger row put them at; in the shelves' code order, then variant and lot (as PostgreSQL orders ids).
     */
    private Mono<Map<Picked, Integer>> picked(UUID merchantId, UUID orderId) {
        return db.sql("""
                        SELECT id, node_id, variant_id, lot_key, location_id, picked_quantity - lost_quantity AS units FROM pick_tasks
                        WHERE order_id = :order AND merchant_id = :merchant AND picked_quantity > lost_quantity
                        """)
                .bind("order", orderId).bind("merchant", merchantId)
                .map(row -> new PickedTask(row.get("id", UUID.class), row.get("node_id", UUID.class), row.get("variant_id", UUID.class),
                        row.get("lot_key", UUID.class), row.get("location_id", UUID.class), row.get("units", Number.class).intValue()))
                .all().collectMap(task -> task.id().toString())
                .flatMap(tasks -> tasks.isEmpty() ? Mono.just(Map.of())
                        : ledger.destinations(merchantId, MovementKind.PICK, Finding.PICK.referenceType(), tasks.keySet()).collectList()
                                .flatMap(moves -> network.locationsByIds(tasks.values().stream().map(PickedTask::shelfId).distinct().toList())
                                        .collectMap(LocationRef::id, LocationRef::code)
                                        .map(codes -> byShelf(tasks, moves, codes))));
    }

    private static Map<Picked, Integer> byShelf(Map<String, PickedTask> tasks, List<LedgerHistory.Destination> moves, Map<UUID, String> codes) {
        Map<Picked, Integer> units = new TreeMap<>(Comparator.comparing((Picked picked) -> codes.get(picked.shelfId()))
                .thenComparing(picked -> picked.variantId().toString())
                .thenComparing(picked -> picked.lotKey().toString())
                .thenComparing(picked -> picked.dropOffId().toString())
                .thenComparing(picked -> picked.shelfId().toString()));
        for (LedgerHistory.Destination move : moves) {
            PickedTask task = tasks.get(move.referenceId());
            if (task != null && task.variantId().equals(move.variantId())) {
                units.merge(new Picked(task.nodeId(), task.variantId(), task.lotKey(), task.shelfId(), move.toLocationId()), task.units(),
                        Integer::sum);
            }
        }
        return units;
    }

    /** The shelf the units came from if it still fits them; else where putaway suggests; else that shelf all the same. */
    private Mono<UUID> destination(Picked picked) {
        return network.locationsByIds(List.of(picked.shelfId())).next()
                .filter(shelf -> shelf.active() && (shelf.pickFaceVariantId() == null || shelf.pickFaceVariantId().equals(picked.variantId())))
                .map(LocationRef::id)
                .switchIfEmpty(Mono.defer(() -> putaway.suggest(picked.nodeId(), picked.variantId(), picked.dropOffId())
                        .flatMap(suggestion -> network.location(picked.nodeId(), suggestion.locationCode())
                                .onErrorResume(ApiProblem.class, notFound -> Mono.empty()))
                        .map(LocationRef::id)
                        .defaultIfEmpty(picked.shelfId())));
    }

    Mono<Page<PutBackTaskView>> list(Caller.Worker worker, String status, Integer limit, String after) {
        return scannedMoves.list(listing, worker, status, limit, after);
    }

    /** Confirms a task in the caller's transaction: the scans checked, the units booked back, the missing ones written off. */
    Mono<PutBackConfirmation> confirm(Caller.Worker worker, UUID taskId, ScannedMoves.Scan scan) {
        return scannedMoves.lockAndCheck(worker, TaskKind.PUT_BACK, taskId, scan)
                .flatMap(task -> scannedMoves.carryOut(worker, TaskKind.PUT_BACK, task, scan.quantity())
                        .flatMap(writtenOff -> db.sql("SELECT " + COLUMNS + " WHERE p.id = :task").bind("task", task.id())
                                .map(Row::of).all().collectList().flatMap(this::views)
                                .map(views -> new PutBackConfirmation(views.get(0), scan.quantity(), writtenOff))));
    }

    /** The views of these rows, in their order. */
    private Mono<List<PutBackTaskView>> views(List<Row> rows) {
        return rows.isEmpty() ? Mono.just(List.of())
                : names.of(rows.stream().map(Row::variantId).toList(), rows.stream().map(Row::lotKey).toList(),
                        rows.stream().flatMap(row -> Stream.of(row.fromLocationId(), row.pickedFromLocationId(), row.toLocationId())).toList())
                        .map(found -> rows.stream().map(row -> row.view(found)).toList());
    }
}
