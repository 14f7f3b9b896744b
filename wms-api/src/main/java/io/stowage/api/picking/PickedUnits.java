package io.stowage.api.picking;

import io.stowage.api.Published;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where picking leaves its units, for the pack station: the orders whose picks went into a tote of a
 * batch, and the node's drop-off location where picked units wait to be packed.
 */
@Service
@Published
public class PickedUnits {

    private final DatabaseClient db;
    private final PickTasks tasks;

    PickedUnits(DatabaseClient db, PickTasks tasks) {
        this.db = db;
        this.tasks = tasks;
    }

    /** The orders with units picked into this tote of the node's batch, oldest first; empty when the tote holds nothing picked. */
    public Flux<UUID> ordersInTote(UUID nodeId, UUID batchId, int tote) {
        return db.sql("""
                        SELECT t.order_id, min(t.sequence) AS first FROM pick_tasks t
                        WHERE t.batch_id = :batch AND t.node_id = :node AND t.tote = :tote AND t.status IN ('picked', 'short')
                          AND t.picked_quantity > 0
                        GROUP BY t.order_id ORDER BY first
                        """)
                .bind("batch", batchId).bind("node", nodeId).bind("tote", tote)
                .map(row -> row.get("order_id", UUID.class)).all();
    }

    /**
     * Units of an order line (and lot) picked at the node that were lost before they were packed: the
     * picks of the line, newest first, count them as lost, so that a later wave picks them again when
     * the line gets units anew. Runs in the caller's transaction; a 409 problem when fewer were picked.
     */
    public Mono<Void> lostAfterPicking(UUID nodeId, UUID orderId, int lineNo, UUID lotKey, int units) {
        return db.sql("""
                        SELECT id, picked_quantity - lost_quantity AS kept FROM pick_tasks
                        WHERE node_id = :node AND order_id = :order AND line_no = :line AND lot_key = :lot AND picked_quantity > lost_quantity
                        ORDER BY picked_at DESC, id
                        FOR UPDATE
                        """)
                .bind("node", nodeId).bind("order", orderId).bind("line", lineNo).bind("lot", lotKey)
                .map(row -> new Object[] {row.get("id", UUID.class), row.get("kept", Integer.class)})
                .all().collectList()
                .flatMap(picks -> {
                    int left = units;
                    List<Mono<Void>> updates = new ArrayList<>();
                    for (Object[] pick : picks) {
                        if (left == 0) {
                            break;
                        }
                        int lost = Math.min(left, (Integer) pick[1]);
                        updates.add(db.sql("UPDATE pick_tasks SET lost_quantity = lost_quantity + :lost WHERE id = :id")
                                .bind("lost", lost).bind("id", pick[0]).then());
                        left -= lost;
                    }
                    if (left > 0) {
                        return Mono.error(ApiProblem.of(ProblemType.NOTHING_TO_PACK, "Order " + orderId + " line " + lineNo
                                + " has fewer picked units at this node than the " + units + " declared short"));
                    }
                    return Flux.concat(updates).then();
                });
    }

    /** The location picked units of the node are taken to (its pack station, else its staging area); a 409 problem when it has none. */
    public Mono<UUID> dropOff(UUID nodeId) {
        return tasks.dropOff(nodeId);
    }
}
