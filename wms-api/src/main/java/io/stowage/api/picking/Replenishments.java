package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.database.Params;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
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
 */
@Service
class Replenishments {

    private final DatabaseClient db;
    private final StockLedger ledger;

    Replenishments(DatabaseClient db, StockLedger ledger) {
        this.db = db;
        this.ledger = ledger;
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
                .concatMap(face -> topUp(face, waveId, actor))
                .then();
    }

    /** After a pick: a face of this variant that fell below its minimum gets a task, unless one is on its way. */
    Mono<Void> afterPick(UUID locationId, UUID merchantId, UUID variantId, UUID lotKey, String actor) {
        return db.sql("SELECT 1 FROM locations WHERE id = :location AND type = 'pick_face' AND pick_face_variant_id = :variant")
                .bind("location", locationId).bind("variant", variantId)
                .fetch().one()
                .flatMap(face -> topUp(new FaceStock(locationId, merchantId, variantId, lotKey), null, actor));
    }

    private record FaceStock(UUID faceId, UUID merchantId, UUID variantId, UUID lotKey) {
    }

    private Mono<Void> topUp(FaceStock face, UUID waveId, String actor) {
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
                .flatMap(shortfall -> sources(shortfall.nodeId(), face).collectList()
                        .flatMapMany(sources -> Flux.fromIterable(FreeUnits.takeInTurn(sources, shortfall.units())))
                        .concatMap(part -> db.sql("""
                                        INSERT INTO replenishment_tasks (node_id, wave_id, merchant_id, variant_id, lot_key, from_location_id,
                                                                         to_location_id, quantity, status, created_by)
                                        VALUES (:node, :wave, :merchant, :variant, :lot, :from, :to, :qty, 'open', :actor)
                                        """)
                                .bind("node", shortfall.nodeId()).bind("wave", Params.nullable(waveId, UUID.class))
                                .bind("merchant", face.merchantId()).bind("variant", face.variantId()).bind("lot", face.lotKey())
                                .bind("from", part.locationId()).bind("to", face.faceId()).bind("qty", part.units())
                                .bind("actor", actor).then())
                        .then());
    }

    private record Shortfall(UUID nodeId, int units) {
    }

    private Flux<FreeUnits> sources(UUID nodeId, FaceStock face) {
        return db.sql("""
                        SELECT b.location_id, l.code,
                               b.on_hand
                               - coalesce((SELECT sum(t.quantity) FROM pick_tasks t WHERE t.location_id = b.location_id
                                             AND t.variant_id = b.variant_id AND t.lot_key = b.lot_key AND t.status = 'open'), 0)
                               - coalesce((SELECT sum(r.quantity) FROM replenishment_tasks r WHERE r.from_location_id = b.location_id
                                             AND r.variant_id = b.variant_id AND r.lot_key = b.lot_key AND r.status = 'open'), 0) AS free
                        FROM stock_balances b JOIN locations l ON l.id = b.location_id
                        WHERE b.node_id = :node AND b.variant_id = :variant AND b.lot_key = :lot AND b.status = 'available'
                          AND b.location_id <> :face AND l.active AND l.type = 'reserve'
                        ORDER BY free DESC, l.code COLLATE "C"
                        """)
                .bind("node", nodeId).bind("variant", face.variantId()).bind("lot", face.lotKey()).bind("face", face.faceId())
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

    /** Books the units from reserve to the face; runs in the caller's transaction. */
    Mono<ReplenishmentTaskView> confirm(Caller.Worker worker, UUID taskId) {
        return db.sql("""
                        SELECT merchant_id, variant_id, lot_key, from_location_id, to_location_id, quantity, status
                        FROM replenishment_tasks WHERE id = :task AND node_id = :node FOR UPDATE
                        """)
                .bind("task", taskId).bind("node", worker.nodeId())
                .map(row -> new Object[] {row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class), row.get("lot_key", UUID.class),
                        row.get("from_location_id", UUID.class), row.get("to_location_id", UUID.class), row.get("quantity", Integer.class),
                        row.get("status", String.class)})
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Replenishment task", taskId)))
                .flatMap(task -> {
                    if (!"open".equals(task[6])) {
                        return Mono.error(ApiProblem.conflict("replenishment-done", "Replenishment already done",
                                "Replenishment task " + taskId + " was confirmed before"));
                    }
                    UUID lot = (UUID) task[2];
                    Movement movement = new Movement((UUID) task[0], worker.nodeId(), (UUID) task[1], StockLedger.NO_LOT.equals(lot) ? null : lot,
                            MovementKind.REPLENISHMENT, (int) task[5], (UUID) task[3], StockStatus.AVAILABLE, (UUID) task[4],
                            StockStatus.AVAILABLE, null, "replenishment_task", taskId.toString(), worker.actor(), worker.deviceId());
                    return ledger.post(movement)
                            .then(db.sql("UPDATE replenishment_tasks SET status = 'done', done_by = :actor, done_at = now() WHERE id = :task")
                                    .bind("actor", worker.actor()).bind("task", taskId).then());
                })
                .then(Mono.defer(() -> db.sql("SELECT " + WaveQueries.REPLENISHMENT_COLUMNS + " WHERE r.id = :task")
                        .bind("task", taskId).map(WaveQueries::replenishment).one()));
    }
}
