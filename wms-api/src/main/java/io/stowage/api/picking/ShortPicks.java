package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.network.LocationType;
import io.stowage.api.orders.OrderFulfilment;
import io.stowage.api.picking.MissingUnits.Finding;
import io.stowage.api.picking.MissingUnits.Shortage;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A picker found fewer units than the task says. The picker took everything the shelf held, so
 * whatever the books still show there is missing: it is written off as a {@code short_pick}
 * movement to investigate ({@link MissingUnits}). The missing units of the task are taken from
 * other pick locations of the node that hold the variant: new tasks in the same batch and tote,
 * after which the batch's open tasks are put back in walking order ({@link BatchRerouting}). What
 * none holds is given back to sale and the line waits for stock, which the orders' backorder
 * allocator serves. The reservation is released before the write-off so the node never shows fewer
 * units than it promised. Runs in the confirm's transaction, with the variant's level locked.
 */
@Component
class ShortPicks {

    /** What a short pick did. */
    record Outcome(List<UUID> addedTaskIds, int writtenOff, int backordered) {
        static final Outcome NONE = new Outcome(List.of(), 0, 0);
    }

    private final DatabaseClient db;
    private final MissingUnits missingUnits;
    private final OrderFulfilment orders;
    private final BatchRerouting rerouting;
    private final SpareUnits spareUnits;

    ShortPicks(DatabaseClient db, MissingUnits missingUnits, OrderFulfilment orders, BatchRerouting rerouting, SpareUnits spareUnits) {
        this.db = db;
        this.spareUnits = spareUnits;
        this.missingUnits = missingUnits;
        this.orders = orders;
        this.rerouting = rerouting;
    }

    Mono<Outcome> handle(Caller.Worker picker, PickTasks.Task task, int missing) {
        return spares(task).flatMap(spares -> {
            List<FreeUnits> taken = FreeUnits.takeInTurn(spares, missing);
            int backordered = missing - FreeUnits.total(taken);
            return orders.returnToWaiting(task.merchantId(), task.orderId(), task.lineNo(), task.variantId(), task.nodeId(), task.lotKey(), backordered)
                    .then(missingUnits.writeOff(picker, new Shortage(Finding.PICK, task.id(), task.merchantId(), task.nodeId(),
                            task.variantId(), task.lotKey(), task.locationId(), Shortage.ALL_THERE)))
                    .flatMap(writtenOff -> taken.isEmpty() ? Mono.just(new Outcome(List.of(), writtenOff, backordered))
                            : lockBatch(task)
                                    .thenMany(Flux.fromIterable(taken).concatMap(spare -> append(task, spare)))
                                    .collectList()
                                    .flatMap(added -> rerouting.reroute(task.nodeId(), task.batchId(), task.locationCode())
                                            .thenReturn(new Outcome(added, writtenOff, backordered))));
        });
    }

    /** Other pick locations of the node (in an aisle) with units of the variant and lot that no open task or replenishment has claimed. */
    private Mono<List<FreeUnits>> spares(PickTasks.Task task) {
        return spareUnits.of(task.merchantId(), task.nodeId(), task.variantId(), task.lotKey(),
                location -> !location.id().equals(task.locationId()) && location.active() && location.aisle() != null
                        && (LocationType.PICK_FACE.json().equals(location.type()) || LocationType.RESERVE.json().equals(location.type())));
    }

    /** Two confirms in one batch must not both take its next place, nor re-route it at once. */
    private Mono<Void> lockBatch(PickTasks.Task task) {
        return db.sql("SELECT id FROM wave_batches WHERE id = :batch FOR UPDATE").bind("batch", task.batchId()).then();
    }

    private Mono<UUID> append(PickTasks.Task task, FreeUnits spare) {
        return db.sql("""
                        INSERT INTO pick_tasks (wave_id, batch_id, sequence, node_id, merchant_id, order_id, line_no, variant_id, lot_key,
                                                location_id, quantity, tote, status, replaces_task_id)
                        SELECT :wave, :batch, max(sequence) + 1, :node, :merchant, :order, :line, :variant, :lot, :location, :qty, :tote, 'open', :replaces
                        FROM pick_tasks WHERE batch_id = :batch
                        RETURNING id
                        """)
                .bind("wave", task.waveId()).bind("batch", task.batchId()).bind("node", task.nodeId()).bind("merchant", task.merchantId())
                .bind("order", task.orderId()).bind("line", task.lineNo()).bind("variant", task.variantId()).bind("lot", task.lotKey())
                .bind("location", spare.locationId()).bind("qty", spare.units()).bind("tote", task.tote()).bind("replaces", task.id())
                .map(row -> row.get("id", UUID.class)).one();
    }
}
