package io.stowage.api.picking;

import io.stowage.api.Published;
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

    /** The location picked units of the node are taken to (its pack station, else its staging area); a 409 problem when it has none. */
    public Mono<UUID> dropOff(UUID nodeId) {
        return tasks.dropOff(nodeId);
    }
}
