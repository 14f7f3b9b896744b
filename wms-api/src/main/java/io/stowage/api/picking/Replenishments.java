package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.database.Params;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.Reservations;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockRefs;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.picking.MissingUnits.Finding;
import io.stowage.api.picking.MissingUnits.Shortage;
import io.stowage.api.problem.ApiProblem;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
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

    /** What the worker scanned at the reserve location and at the face, and the units moved. */
    record Scan(String fromLocationCode, String sku, String gtin, String toLocationCode, int quantity) {
    }

    /** The confirmed task, what a short at the reserve wrote off, and the tasks added to bring the rest from elsewhere. */
    record ReplenishmentConfirmation(ReplenishmentTaskView task, int movedQuantity, int unitsWrittenOff, List<ReplenishmentTaskView> addedTasks) {
    }

    private final DatabaseClient db;
    private final StockLedger ledger;
    private final StockRefs refs;
    private final Reservations reservations;
    private final MissingUnits missingUnits;

    Replenishments(DatabaseClient db, StockLedger ledger, StockRefs refs, Reservations reservations, MissingUnits missingUnits) {
        this.db = db;
        this.ledger = ledger;
        this.refs = refs;
        this.reservations = reservations;
        this.missingUnits = missingUnits;
    }

    /** Replenishes every face the released wave picks from. Runs in the caller's transaction. */
    Mono<Void> forWave(UUID waveId, String actor) {
        return db.sql("""
                        SELECT DISTINCT t.location_id, t.merchant_id, t.variant_id, t.lot_key
                        FROM pick_tasks t JOIN locations l ON l.id = t.location_id
                        WHERE t.wave_id = :wave AND t.status = 'open' AND l.type = 'pick_face' AND l.pick_face_variant_id = t.variant_id
                        ORDER BY t.location_id, t.variant_id, t.lot_key
                        """)
                .bind("wave", waveId)
                .map(row -> new FaceStock(row.get("location_id", UUID.class), row.get("merchant_id", UUID.class),
                        row.get("variant_id", UUID.class), row.get("lot_key", UUID.class)))
                .all()
                .concatMap(face -> topUp(face, waveId, actor, null))
                .then();
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
        return db.sql("SELECT 1 FROM locations WHERE id = :location AND type = 'pick_face' AND pick_face_variant_id = :variant")
                .bind("location", face.faceId()).bind("variant", face.variantId())
                .fetch().one()
                .flatMapMany(isFace -> topUp(face, waveId, actor, replaced));
    }

    /** Creates the tasks that cover the face's shortfall, if it has one; returns their ids. */
    private Flux<UUID> topUp(FaceStock face, UUID waveId, String actor, Replaced replaced) {
        // The face row is locked so that two releases never both fill the same shortfall.
        return db.sql("""
                        SELECT l.node_id, l.pick_face_min,
                               coalesce((SELECT sum(b.on_hand) FROM stock_balances b WHERE b.location_id = l.id AND b.variant_id = :variant
                                           AND b.lot_key = :lot AND b.status = 'available'), 0) AS on_hand,
                               coalesce((SELECT sum(t.quantity) FROM pick_tasks t JOIN waves w ON w.id = t.wave_id
                                         WHERE t.location_id = l.id AND t.variant_id = :variant AND t.lot_key = :lot AND t.status = 'open'
                                           AND w.status = 'released'), 0) AS promised,
                               coalesce((SELECT sum(r.quantity) FROM replenishment_tasks r WHERE r.to_location_id = l.id
                                           AND r.variant_id = :variant AND r.lot_key = :lot AND r.status = 'open'), 0) AS coming
                        FROM locations l WHERE l.id = :face
                        FOR UPDATE OF l
                        """)
                .bind("variant", face.variantId()).bind("lot", face.lotKey()).bind("face", face.faceId())
                .map(row -> new Shortfall(row.get("node_id", UUID.class),
                        row.get("promised", Number.class).intValue() + row.get("pick_face_min", Integer.class)
                                - row.get("on_hand", Number.class).intValue() - row.get("coming", Number.class).intValue()))
                .one()
                .filter(shortfall -> shortfall.units() > 0)
                .flatMapMany(shortfall -> sources(shortfall.nodeId(), face, replaced == null ? null : replaced.fromLocationId()).collectList()
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
    private Flux<FreeUnits> sources(UUID nodeId, FaceStock face, UUID skipped) {
        return db.sql("""
                        SELECT b.location_id, l.code,
                               b.on_hand
                               - coalesce((SELECT sum(t.quantity) FROM pick_tasks t WHERE t.location_id = b.location_id
                                             AND t.variant_id = b.variant_id AND t.lot_key = b.lot_key AND t.status = 'open'), 0)
                               - coalesce((SELECT sum(r.quantity) FROM replenishment_tasks r WHERE r.from_location_id = b.location_id
                                             AND r.variant_id = b.variant_id AND r.lot_key = b.lot_key AND r.status = 'open'), 0) AS free
                        FROM stock_balances b JOIN locations l ON l.id = b.location_id
                        WHERE b.node_id = :node AND b.variant_id = :variant AND b.lot_key = :lot AND b.status = 'available'
                          AND b.location_id <> :face AND b.location_id IS DISTINCT FROM CAST(:skipped AS uuid) AND l.active AND l.type = 'reserve'
                        ORDER BY free DESC, l.code COLLATE "C"
                        """)
                .bind("node", nodeId).bind("variant", face.variantId()).bind("lot", face.lotKey()).bind("face", face.faceId())
                .bind("skipped", Params.nullable(skipped, UUID.class))
                .map(row -> new FreeUnits(row.get("location_id", UUID.class), Math.max(0, row.get("free", Number.class).intValue())))
                .all();
    }

    Mono<Page<ReplenishmentTaskView>> list(Caller.Worker worker, String status, Integer limit, String after) {
        if (status != null && !status.equals("open") && !status.equals("done")) {
            return Mono.error(ApiProblem.invalid("status", "must be open or done"));
        }
        int size = Cursor.limit(limit);
        String cursor = Cursor.decode(after);
        OffsetDateTime afterTime = cursor.isEmpty() ? null : OffsetDateTime.parse(cursor.substring(0, cursor.indexOf('|')));
        UUID afterId = cursor.isEmpty() ? null : UUID.fromString(cursor.substring(cursor.indexOf('|') + 1));
        return db.sql("SELECT " + WaveQueries.REPLENISHMENT_COLUMNS + """
                         WHERE r.node_id = :node AND (CAST(:status AS text) IS NULL OR r.status = :status)
                          AND (CAST(:afterTime AS timestamptz) IS NULL OR (r.created_at, r.id) > (:afterTime, :afterId))
                        ORDER BY r.created_at, r.id
                        LIMIT :limit
                        """)
                .bind("node", worker.nodeId()).bind("status", Params.nullable(status, String.class))
                .bind("afterTime", Params.nullable(afterTime, OffsetDateTime.class)).bind("afterId", Params.nullable(afterId, UUID.class))
                .bind("limit", size + 1)
                .map(WaveQueries::replenishment)
                .all().collectList()
                .map(rows -> Page.of(rows, size, task -> task.createdAt() + "|" + task.id()));
    }

    /** An open task as its confirmation checks it, with the units the books show at its reserve location. */
    private record Task(UUID id, UUID waveId, UUID merchantId, UUID nodeId, UUID variantId, UUID lotKey, UUID fromLocationId, String fromCode,
                        UUID toLocationId, String toCode, int quantity, String status, int atSource) {

        static Task of(Readable row) {
            return new Task(row.get("id", UUID.class), row.get("wave_id", UUID.class), row.get("merchant_id", UUID.class),
                    row.get("node_id", UUID.class), row.get("variant_id", UUID.class), row.get("lot_key", UUID.class),
                    row.get("from_location_id", UUID.class), row.get("from_code", String.class), row.get("to_location_id", UUID.class),
                    row.get("to_code", String.class), row.get("quantity", Integer.class), row.get("status", String.class),
                    row.get("at_source", Number.class).intValue());
        }
    }

    /**
     * Confirms a task in the caller's transaction. Checks come first and refuse without writing: the
     * task must be open, the scans must be its reserve location, product and face, and the units moved
     * no more than the task asked nor than the books show at the reserve location. Locks follow the
     * shared order: the variant's level (a short writes units off the node), then the task.
     */
    Mono<ReplenishmentConfirmation> confirm(Caller.Worker worker, UUID taskId, Scan scan) {
        return db.sql("SELECT merchant_id, variant_id FROM replenishment_tasks WHERE id = :task AND node_id = :node")
                .bind("task", taskId).bind("node", worker.nodeId())
                .map(row -> new UUID[] {row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class)})
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Replenishment task", taskId)))
                .flatMap(key -> reservations.lock(key[0], List.of(key[1]), List.of(worker.nodeId())).then(lockedTask(taskId)))
                .flatMap(task -> check(task, scan).thenReturn(task))
                .flatMap(task -> carryOut(worker, task, scan.quantity()));
    }

    private Mono<Task> lockedTask(UUID taskId) {
        return db.sql("""
                        SELECT r.id, r.wave_id, r.merchant_id, r.node_id, r.variant_id, r.lot_key, r.from_location_id, fl.code AS from_code,
                               r.to_location_id, tl.code AS to_code, r.quantity, r.status,
                               coalesce((SELECT b.on_hand FROM stock_balances b WHERE b.location_id = r.from_location_id
                                           AND b.variant_id = r.variant_id AND b.lot_key = r.lot_key AND b.status = 'available'), 0) AS at_source
                        FROM replenishment_tasks r JOIN locations fl ON fl.id = r.from_location_id JOIN locations tl ON tl.id = r.to_location_id
                        WHERE r.id = :task
                        FOR UPDATE OF r
                        """)
                .bind("task", taskId).map(Task::of).one();
    }

    private Mono<Void> check(Task task, Scan scan) {
        if (!"open".equals(task.status())) {
            return Mono.error(ApiProblem.conflict("replenishment-done", "Replenishment already done",
                    "Replenishment task " + task.id() + " was confirmed before"));
        }
        if (!task.fromCode().equals(scan.fromLocationCode())) {
            return Mono.error(ApiProblem.unprocessable("wrong-location", "Wrong location",
                    "This task takes units from " + task.fromCode() + ", not from " + scan.fromLocationCode()));
        }
        Mono<Void> rest = Mono.defer(() -> {
            if (!task.toCode().equals(scan.toLocationCode())) {
                return Mono.error(ApiProblem.unprocessable("wrong-destination", "Wrong destination",
                        "This task brings units to the pick face " + task.toCode() + ", not to " + scan.toLocationCode()));
            }
            if (scan.quantity() > task.quantity()) {
                return Mono.error(ApiProblem.invalid("quantity", "is more than the task's " + task.quantity() + " units"));
            }
            if (scan.quantity() > task.atSource()) {
                return Mono.error(ApiProblem.invalid("quantity", "is more than the " + task.atSource() + " units the books show at "
                        + task.fromCode() + "; count the location"));
            }
            return Mono.empty();
        });
        return refs.variant(task.merchantId(), scan.sku(), scan.gtin(), task.fromLocationId())
                .flatMap(variant -> variant.id().equals(task.variantId()) ? rest
                        : Mono.error(ApiProblem.unprocessable("wrong-product", "Wrong product",
                                "This task moves another product than " + variant.sku())));
    }

    /** Books the units moved from reserve to the face; a short at the reserve is written off and the face topped up again. */
    private Mono<ReplenishmentConfirmation> carryOut(Caller.Worker worker, Task task, int moved) {
        Mono<Void> move = moved == 0 ? Mono.empty() : ledger.post(new Movement(task.merchantId(), task.nodeId(), task.variantId(),
                StockLedger.NO_LOT.equals(task.lotKey()) ? null : task.lotKey(), MovementKind.REPLENISHMENT, moved,
                task.fromLocationId(), StockStatus.AVAILABLE, task.toLocationId(), StockStatus.AVAILABLE, null,
                "replenishment_task", task.id().toString(), worker.actor(), worker.deviceId())).then();
        Mono<Void> mark = db.sql("""
                        UPDATE replenishment_tasks SET status = 'done', moved_quantity = :moved, done_by = :actor, done_at = now()
                        WHERE id = :task
                        """)
                .bind("moved", moved).bind("actor", worker.actor()).bind("task", task.id()).then();
        Mono<ShortAtReserve> shortAtReserve = moved == task.quantity() ? Mono.just(ShortAtReserve.NONE)
                : missingUnits.writeOff(worker, new Shortage(Finding.REPLENISHMENT, task.id(), task.merchantId(), task.nodeId(),
                                task.variantId(), task.lotKey(), task.fromLocationId()))
                        .flatMap(writtenOff -> topUpIfFace(new FaceStock(task.toLocationId(), task.merchantId(), task.variantId(), task.lotKey()),
                                        task.waveId(), worker.actor(), new Replaced(task.id(), task.fromLocationId()))
                                .collectList()
                                .map(added -> new ShortAtReserve(writtenOff, added)));
        return move.then(mark).then(shortAtReserve)
                .flatMap(outcome -> Mono.zip(views(List.of(task.id())), views(outcome.addedTaskIds()))
                        .map(views -> new ReplenishmentConfirmation(views.getT1().get(0), moved, outcome.writtenOff(), views.getT2())));
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
                .bind("ids", taskIds.toArray(UUID[]::new)).map(WaveQueries::replenishment).all().collectList();
    }
}
