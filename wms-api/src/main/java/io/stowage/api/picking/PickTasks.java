package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.Reservations;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockRefs;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.orders.OrderFulfilment;
import io.stowage.api.orders.OrderStatus;
import io.stowage.api.picking.WaveView.BatchView;
import io.stowage.api.picking.WaveView.PickTaskView;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The picker's side of a wave: take the next batch (or the one in hand), and confirm each task by
 * scanning the location, the product and the tote. Picked units move to the node's drop-off
 * location (its pack station, else its staging area) and stay reserved there for the order; a
 * confirm for fewer units than the task is a short pick, handled by {@link ShortPicks}.
 */
@Service
class PickTasks {

    /** What the picker scanned and counted. */
    record Scan(String locationCode, String sku, String gtin, int quantity, int tote) {
    }

    /** The confirmed task, tasks a short pick added to the batch, and where the order and the batch stand now. */
    record PickConfirmation(PickTaskView task, List<PickTaskView> addedTasks, int unitsWrittenOff, int unitsBackordered,
                            String orderStatus, String batchStatus) {
    }

    /** A task with what its checks need. */
    record Task(UUID id, UUID waveId, UUID batchId, UUID nodeId, UUID merchantId, UUID orderId, int lineNo, UUID variantId, UUID lotKey,
                UUID locationId, String locationCode, int quantity, int tote, String status, String batchStatus, UUID pickerId) {

        static Task of(Readable row) {
            return new Task(row.get("id", UUID.class), row.get("wave_id", UUID.class), row.get("batch_id", UUID.class),
                    row.get("node_id", UUID.class), row.get("merchant_id", UUID.class), row.get("order_id", UUID.class),
                    row.get("line_no", Integer.class), row.get("variant_id", UUID.class), row.get("lot_key", UUID.class),
                    row.get("location_id", UUID.class), null, row.get("quantity", Integer.class),
                    row.get("tote", Integer.class), row.get("status", String.class), row.get("batch_status", String.class),
                    row.get("picker_id", UUID.class));
        }

        UUID lotOrNull() {
            return StockLedger.NO_LOT.equals(lotKey) ? null : lotKey;
        }

        Task at(String code) {
            return new Task(id, waveId, batchId, nodeId, merchantId, orderId, lineNo, variantId, lotKey, locationId, code, quantity, tote, status,
                    batchStatus, pickerId);
        }
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final StockRefs refs;
    private final StockLedger ledger;
    private final Reservations reservations;
    private final OrderFulfilment orders;
    private final ShortPicks shortPicks;
    private final Replenishments replenishments;
    private final WaveQueries queries;
    private final Network network;
    private final OrderContents orderContents;

    PickTasks(DatabaseClient db, TransactionalOperator tx, StockRefs refs, StockLedger ledger, Reservations reservations,
              OrderFulfilment orders, ShortPicks shortPicks, Replenishments replenishments, WaveQueries queries, Network network,
              OrderContents orderContents) {
        this.db = db;
        this.tx = tx;
        this.refs = refs;
        this.ledger = ledger;
        this.reservations = reservations;
        this.orders = orders;
        this.shortPicks = shortPicks;
        this.replenishments = replenishments;
        this.queries = queries;
        this.network = network;
        this.orderContents = orderContents;
    }

    /**
     * The picker's batch in hand, or the next ready one of the node (oldest wave first, then batch
     * sequence) claimed for them; empty when none is ready. A batch that picks from a face still
     * waiting for replenishment is not offered. Claims skip rows another picker is claiming, so
     * two pickers never get the same batch.
     */
    Mono<BatchView> next(Caller.Worker picker) {
        Mono<UUID> current = db.sql("""
                        SELECT b.id FROM wave_batches b JOIN waves w ON w.id = b.wave_id
                        WHERE b.picker_id = :picker AND b.status = 'picking' AND w.node_id = :node
                        ORDER BY b.claimed_at LIMIT 1
                        """)
                .bind("picker", picker.workerId()).bind("node", picker.nodeId())
                .map(row -> row.get("id", UUID.class)).one();
        Mono<UUID> claimed = db.sql("""
                        SELECT b.id FROM wave_batches b JOIN waves w ON w.id = b.wave_id
                        WHERE w.node_id = :node AND w.status = 'released' AND b.status = 'ready'
                          AND NOT EXISTS (SELECT 1 FROM pick_tasks t JOIN replenishment_tasks r ON r.to_location_id = t.location_id
                                          WHERE t.batch_id = b.id AND t.status = 'open' AND r.status = 'open')
                        ORDER BY w.released_at, w.id, b.sequence
                        LIMIT 1
                        FOR UPDATE OF b SKIP LOCKED
                        """)
                .bind("node", picker.nodeId())
                .map(row -> row.get("id", UUID.class)).one()
                .flatMap(batchId -> db.sql("UPDATE wave_batches SET status = 'picking', picker_id = :picker, claimed_at = now() WHERE id = :batch")
                        .bind("picker", picker.workerId()).bind("batch", batchId).then().thenReturn(batchId));
        return current.switchIfEmpty(claimed)
                .flatMap(batchId -> cancelTasksOfCancelledOrders(batchId).then(finishBatch(batchId)).then(queries.batch(batchId)))
                .as(tx::transactional);
    }

    /**
     * Confirms a task in the caller's transaction. Checks come first and refuse without writing:
     * the task must be in the picker's batch and open, and the scanned location, product and tote
     * must be the task's. Locks follow the shared order: the variant's level, the order, the task.
     */
    Mono<PickConfirmation> confirm(Caller.Worker picker, UUID taskId, Scan scan) {
        return task(picker, taskId)
                .flatMap(task -> check(picker, task, scan).thenReturn(task))
                .flatMap(task -> reservations.lock(task.merchantId(), List.of(task.variantId()), List.of(task.nodeId())).then()
                        .then(orders.lock(task.merchantId(), task.orderId()))
                        .flatMap(status -> {
                            if (status == OrderStatus.RELEASED) {
                                return pick(picker, task, scan.quantity());
                            }
                            if (status == OrderStatus.CANCELLED) {
                                return dropCancelled(task);
                            }
                            return Mono.error(ApiProblem.of(ProblemType.ORDER_NOT_RELEASED, "Order " + task.orderId() + " is " + status.db() + "; leave the units on the shelf"));
                        }));
    }

    /**
     * The order was cancelled after its wave was released: the task is cancelled instead of picked,
     * nothing moves, and the batch finishes without it. The answer tells the picker to leave the units.
     */
    private Mono<PickConfirmation> dropCancelled(Task task) {
        return cancelTasksOfCancelledOrders(task.batchId())
                .then(finishBatch(task.batchId()))
                .flatMap(batchStatus -> queries.task(task.id())
                        .map(view -> new PickConfirmation(view, List.of(), 0, 0, OrderStatus.CANCELLED.db(), batchStatus)));
    }

    /** Open tasks whose orders were cancelled after release are not picked; a batch shows them cancelled. */
    private Mono<Void> cancelTasksOfCancelledOrders(UUID batchId) {
        return db.sql("SELECT DISTINCT order_id FROM pick_tasks WHERE batch_id = :batch AND status = 'open'")
                .bind("batch", batchId).map(row -> row.get("order_id", UUID.class)).all().collectList()
                .flatMapMany(orderContents::cancelledAmong).collectList()
                .flatMap(cancelled -> cancelled.isEmpty() ? Mono.empty() : db.sql("""
                                UPDATE pick_tasks SET status = 'cancelled'
                                WHERE batch_id = :batch AND status = 'open' AND order_id = ANY(:orders)
                                """)
                        .bind("batch", batchId).bind("orders", cancelled.toArray(UUID[]::new)).then());
    }

    private Mono<Task> task(Caller.Worker picker, UUID taskId) {
        return db.sql("""
                        SELECT t.id, t.wave_id, t.batch_id, t.node_id, t.merchant_id, t.order_id, t.line_no, t.variant_id, t.lot_key,
                               t.location_id, t.quantity, t.tote, t.status, b.status AS batch_status, b.picker_id
                        FROM pick_tasks t JOIN wave_batches b ON b.id = t.batch_id
                        WHERE t.id = :task AND t.node_id = :node
                        """)
                .bind("task", taskId).bind("node", picker.nodeId())
                .map(Task::of).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Pick task", taskId)))
                .flatMap(task -> network.location(task.locationId()).map(location -> task.at(location.code())));
    }

    private Mono<Void> check(Caller.Worker picker, Task task, Scan scan) {
        if (!"picking".equals(task.batchStatus()) || !picker.workerId().equals(task.pickerId())) {
            return Mono.error(ApiProblem.of(ProblemType.NOT_YOUR_BATCH, "Pick task " + task.id() + " belongs to a batch you have not taken; ask for the next batch first"));
        }
        if (!"open".equals(task.status())) {
            return Mono.error(ApiProblem.of(ProblemType.TASK_ALREADY_CONFIRMED, "Pick task " + task.id() + " is " + task.status()));
        }
        if (!task.locationCode().equals(scan.locationCode())) {
            return Mono.error(ApiProblem.of(ProblemType.WRONG_LOCATION, "This task picks at " + task.locationCode() + ", not at " + scan.locationCode()));
        }
        if (scan.tote() != task.tote()) {
            return Mono.error(ApiProblem.of(ProblemType.WRONG_TOTE, "This task's units go in tote " + task.tote() + ", not " + scan.tote()));
        }
        if (scan.quantity() > task.quantity()) {
            return Mono.error(ApiProblem.invalid("quantity", "is more than the task's " + task.quantity() + " units"));
        }
        return refs.variant(task.merchantId(), scan.sku(), scan.gtin(), task.locationId())
                .flatMap(variant -> variant.id().equals(task.variantId()) ? Mono.<Void>empty()
                        : Mono.error(ApiProblem.of(ProblemType.WRONG_PRODUCT, "This task picks another product than " + variant.sku())));
    }

    private Mono<PickConfirmation> pick(Caller.Worker picker, Task task, int picked) {
        int missing = task.quantity() - picked;
        Mono<Void> mark = db.sql("""
                        UPDATE pick_tasks SET status = :status, picked_quantity = :picked, picked_by = :actor, picked_at = now()
                        WHERE id = :task AND status = 'open'
                        """)
                .bind("status", missing > 0 ? "short" : "picked").bind("picked", picked).bind("actor", picker.actor()).bind("task", task.id())
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty()
                        : Mono.error(ApiProblem.of(ProblemType.TASK_ALREADY_CONFIRMED, "Pick task " + task.id() + " was confirmed meanwhile")));
        Mono<Void> move = picked == 0 ? Mono.empty() : dropOff(task.nodeId()).flatMap(dropOff -> ledger.post(new Movement(task.merchantId(),
                task.nodeId(), task.variantId(), task.lotOrNull(), MovementKind.PICK, picked, task.locationId(), StockStatus.AVAILABLE,
                dropOff, StockStatus.AVAILABLE, null, "pick_task", task.id().toString(), picker.actor(), picker.deviceId()))).then();
        Mono<ShortPicks.Outcome> shortPick = missing == 0 ? Mono.just(ShortPicks.Outcome.NONE) : shortPicks.handle(picker, task, missing);
        return mark.then(move).then(shortPick)
                .flatMap(outcome -> replenishments.afterPick(task.locationId(), task.merchantId(), task.variantId(), task.lotKey(), picker.actor())
                        .then(finishOrder(picker, task))
                        .zipWith(finishBatch(task.batchId()))
                        .flatMap(states -> Mono.zip(queries.task(task.id()), queries.tasks(outcome.addedTaskIds()))
                                .map(views -> new PickConfirmation(views.getT1(), views.getT2(), outcome.writtenOff(), outcome.backordered(),
                                        states.getT1(), states.getT2()))));
    }

    /** The node's drop-off location: where carts unload at the pack stations. */
    Mono<UUID> dropOff(UUID nodeId) {
        return network.dropOff(nodeId).map(LocationRef::id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.NO_DROP_OFF_LOCATION, "The node has no pack station or staging location to take picked units to")));
    }

    /** When the order's last open task is done, the order is picked (or waits again after a short pick). */
    private Mono<String> finishOrder(Caller.Worker picker, Task task) {
        return db.sql("SELECT count(*) AS open FROM pick_tasks WHERE order_id = :order AND wave_id = :wave AND status = 'open'")
                .bind("order", task.orderId()).bind("wave", task.waveId())
                .map(row -> row.get("open", Number.class).longValue()).one()
                .flatMap(open -> open > 0 ? orders.lock(task.merchantId(), task.orderId())
                        : orders.picksFinished(task.merchantId(), task.orderId(), picker.actor()))
                .map(OrderStatus::db);
    }

    /** A batch with no open task is done, and a wave with every batch done is completed. */
    private Mono<String> finishBatch(UUID batchId) {
        return db.sql("""
                        UPDATE wave_batches SET status = 'done', done_at = now()
                        WHERE id = :batch AND status <> 'done' AND NOT EXISTS (SELECT 1 FROM pick_tasks WHERE batch_id = :batch AND status = 'open')
                        RETURNING wave_id
                        """)
                .bind("batch", batchId)
                .map(row -> row.get("wave_id", UUID.class)).one()
                .flatMap(waveId -> db.sql("""
                                UPDATE waves SET status = 'completed', completed_at = now()
                                WHERE id = :wave AND status = 'released'
                                  AND NOT EXISTS (SELECT 1 FROM wave_batches WHERE wave_id = :wave AND status <> 'done')
                                """)
                        .bind("wave", waveId).then().thenReturn("done"))
                .defaultIfEmpty("picking");
    }
}
