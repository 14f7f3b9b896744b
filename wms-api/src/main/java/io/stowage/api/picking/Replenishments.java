package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.database.Params;
import io.stowage.api.inventory.ShelfStock;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.LocationType;
import io.stowage.api.network.Network;
import io.stowage.api.paging.Page;
import io.stowage.api.picking.ScannedMoves.TaskKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps pick faces stocked from reserve. A face gets a task when what it holds (plus what is already
 * on its way) is less than what released picks will take from it plus its minimum: at a wave's
 * release for every face the wave picks from, and after a pick that leaves a face below its minimum.
 * Units come from the node's reserve locations holding the same variant and lot, the fullest first.
 * Pickers are not offered a batch while a face it picks from waits for replenishment.
 * <p>
 * A worker confirms a task by scanning the reserve location, the product and the face, and counts
 * the units moved. Fewer than the task asked means the reserve held less than the books say: what
 * they still show there is written off to investigate, and the face is topped up again from other
 * reserve locations.
 */
@Service
class Replenishments {


    /** The confirmed task, what a short at the reserve wrote off, and the tasks added to bring the rest from elsewhere. */
    record ReplenishmentConfirmation(ReplenishmentTaskView task, int movedQuantity, int unitsWrittenOff, List<ReplenishmentTaskView> addedTasks) {
    }

    private final DatabaseClient db;
    private final ScannedMoves scannedMoves;
    private final SpareUnits spareUnits;
    private final Network network;
    private final ShelfStock shelves;
    private final WaveQueries queries;
    private final ScannedMoves.Listing<WaveQueries.ReplenishmentRow, ReplenishmentTaskView> listing;

    Replenishments(DatabaseClient db, ScannedMoves scannedMoves, SpareUnits spareUnits, Network network, ShelfStock shelves,
                   WaveQueries queries) {
        this.db = db;
        this.queries = queries;
        this.listing = new ScannedMoves.Listing<>(TaskKind.REPLENISHMENT, WaveQueries.REPLENISHMENT_COLUMNS, "r",
                WaveQueries.ReplenishmentRow::of, queries::replenishments, ReplenishmentTaskView::createdAt, ReplenishmentTaskView::id);
        this.network = network;
        this.shelves = shelves;
        this.spareUnits = spareUnits;
        this.scannedMoves = scannedMoves;
    }

    /** Replenishes every face the released wave picks from. Runs in the caller's transaction. */
    Mono<Void> forWave(UUID waveId, String actor) {
        return db.sql("""
                        SELECT DISTINCT location_id, merchant_id, variant_id, lot_key FROM pick_tasks
                        WHERE wave_id = :wave AND status = 'open'
                        ORDER BY location_id, variant_id, lot_key
                        """)
                .bind("wave", waveId)
                .map(row -> new FaceStock(row.get("location_id", UUID.class), row.get("merchant_id", UUID.class),
                        row.get("variant_id", UUID.class), row.get("lot_key", UUID.class)))
                .all().collectList()
                .flatMap(picked -> network.locationsByIds(picked.stream().map(FaceStock::faceId).distinct().toList())
                        .collectMap(LocationRef::id, Function.identity())
                        .map(locations -> picked.stream().filter(face -> isFaceOf(locations.get(face.faceId()), face)).toList()))
                .flatMapMany(Flux::fromIterable)
                .concatMap(face -> topUp(face, waveId, actor, null))
                .then();
    }

    /** The location is a pick face given to the variant. */
    private static boolean isFaceOf(LocationRef location, FaceStock face) {
        return location != null && location.isPickFace() && face.variantId().equals(location.pickFaceVariantId());
    }

    /** After a pick: a face of this variant that fell below its minimum gets a task, unless one is on its way. */
    Mono<Void> afterPick(UUID locationId, UUID merchantId, UUID variantId, UUID lotKey, String actor) {
        return topUpIfFace(new FaceStock(locationId, merchantId, variantId, lotKey), null, actor, null).then();
    }

    private record FaceStock(UUID faceId, UUID merchantId, UUID variantId, UUID lotKey) {
    }

    /** A task that came up short at its reserve location: tasks topping the face up again name it, and take nothing from there. */
    private record Replaced(UUID taskId, UUID fromLocationId) {
    }

    private Flux<UUID> topUpIfFace(FaceStock face, UUID waveId, String actor, Replaced replaced) {
        return network.locationsByIds(List.of(face.faceId())).next()
                .filter(location -> isFaceOf(location, face))
                .flatMapMany(isFace -> topUp(face, waveId, actor, replaced));
    }

    /** Creates the tasks that cover the face's shortfall, if it has one; returns their ids. */
    private Flux<UUID> topUp(FaceStock face, UUID waveId, String actor, Replaced replaced) {
        // The face's row is locked so that two releases never both fill the same shortfall.
        return network.lockLocation(face.faceId())
                .flatMap(location -> shelves.availableAt(face.faceId(), face.variantId(), face.lotKey())
                        .flatMap(onHand -> db.sql("""
                                        SELECT coalesce((SELECT sum(t.quantity) FROM pick_tasks t JOIN waves w ON w.id = t.wave_id
                                                         WHERE t.location_id = :face AND t.variant_id = :variant AND t.lot_key = :lot
                                                           AND t.status = 'open' AND w.status = 'released'), 0) AS promised,
                                               coalesce((SELECT sum(r.quantity) FROM replenishment_tasks r WHERE r.to_location_id = :face
                                                           AND r.variant_id = :variant AND r.lot_key = :lot AND r.status = 'open'), 0) AS coming
                                        """)
                                .bind("variant", face.variantId()).bind("lot", face.lotKey()).bind("face", face.faceId())
                                .map(row -> new Shortfall(location.nodeId(), row.get("promised", Number.class).intValue()
                                        + location.pickFaceMin() - onHand - row.get("coming", Number.class).intValue()))
                                .one()))
                .filter(shortfall -> shortfall.units() > 0)
                .flatMapMany(shortfall -> sources(shortfall.nodeId(), face, replaced == null ? null : replaced.fromLocationId())
                        .flatMapMany(sources -> Flux.fromIterable(FreeUnits.takeInTurn(sources, shortfall.units())))
                        .concatMap(part -> db.sql("""
                                        INSERT INTO replenishment_tasks (node_id, wave_id, merchant_id, variant_id, lot_key, from_location_id,
                                                                         to_location_id, quantity, status, created_by, replaces_task_id)
                                        VALUES (:node, :wave, :merchant, :variant, :lot, :from, :to, :qty, 'open', :actor, :replaces)
                                        RETURNING id
                                        """)
                                .bind("node", shortfall.nodeId()).bind("wave", Params.nullable(waveId, UUID.class))
                                .bind("merchant", face.merchantId()).bind("variant", face.variantId()).bind("lot", face.lotKey())
                                .bind("from", part.locationId()).bind("to", face.faceId()).bind("qty", part.units())
                                .bind("actor", actor).bind("replaces", Params.nullable(replaced == null ? null : replaced.taskId(), UUID.class))
                                .map(row -> row.get("id", UUID.class)).one()));
    }

    private record Shortfall(UUID nodeId, int units) {
    }

    /** Reserve locations with free units of the face's variant and lot, the fullest first; never {@code skipped}. */
    private Mono<List<FreeUnits>> sources(UUID nodeId, FaceStock face, UUID skipped) {
        return spareUnits.of(face.merchantId(), nodeId, face.variantId(), face.lotKey(),
                location -> !location.id().equals(face.faceId()) && !location.id().equals(skipped) && location.active()
                        && LocationType.RESERVE.json().equals(location.type()));
    }

    Mono<Page<ReplenishmentTaskView>> list(Caller.Worker worker, String status, Integer limit, String after) {
        return scannedMoves.list(listing, worker, status, limit, after);
    }

    /**
     * Confirms a task in the caller's transaction ({@link ScannedMoves} checks the scans and books the
     * units). A short at the reserve location is written off there, and the face topped up again from
     * other reserve locations.
     */
    Mono<ReplenishmentConfirmation> confirm(Caller.Worker worker, UUID taskId, ScannedMoves.Scan scan) {
        return scannedMoves.lockAndCheck(worker, TaskKind.REPLENISHMENT, taskId, scan)
                .flatMap(task -> scannedMoves.carryOut(worker, TaskKind.REPLENISHMENT, task, scan.quantity())
                        .flatMap(writtenOff -> scan.quantity() == task.quantity() ? Mono.just(ShortAtReserve.NONE)
                                : topUpAfterShort(worker, task).map(added -> new ShortAtReserve(writtenOff, added)))
                        .flatMap(outcome -> Mono.zip(views(List.of(task.id())), views(outcome.addedTaskIds()))
                                .map(views -> new ReplenishmentConfirmation(views.getT1().get(0), scan.quantity(), outcome.writtenOff(),
                                        views.getT2()))));
    }

    /** Tops the face up again after a short, from reserve locations other than the one that came up short. */
    private Mono<List<UUID>> topUpAfterShort(Caller.Worker worker, ScannedMoves.Task task) {
        return db.sql("SELECT wave_id FROM replenishment_tasks WHERE id = :task")
                .bind("task", task.id())
                .map(row -> Optional.ofNullable(row.get("wave_id", UUID.class)))
                .one()
                .flatMap(waveId -> topUpIfFace(new FaceStock(task.toLocationId(), task.merchantId(), task.variantId(), task.lotKey()),
                        waveId.orElse(null), worker.actor(), new Replaced(task.id(), task.fromLocationId())).collectList());
    }

    /** What a task confirmed short did: the units written off at its reserve location and the tasks added for the rest. */
    private record ShortAtReserve(int writtenOff, List<UUID> addedTaskIds) {
        static final ShortAtReserve NONE = new ShortAtReserve(0, List.of());
    }

    private Mono<List<ReplenishmentTaskView>> views(List<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("SELECT " + WaveQueries.REPLENISHMENT_COLUMNS + " WHERE r.id = ANY(:ids) ORDER BY r.created_at, r.id")
                .bind("ids", taskIds.toArray(UUID[]::new)).map(WaveQueries.ReplenishmentRow::of).all().collectList()
                .flatMap(queries::replenishments);
    }
}
