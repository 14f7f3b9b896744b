package io.stowage.api.boxes;

import io.stowage.api.network.Network;
import io.stowage.api.problem.ApiProblem;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Packaging material on hand, per box type and node, and every change of it. Runs inside the caller's
 * transaction: the stock row is locked while it changes, so two changes never lose one another.
 */
@Component
class BoxStock {

    private final DatabaseClient db;
    private final Network network;

    BoxStock(DatabaseClient db, Network network) {
        this.db = db;
        this.network = network;
    }

    /** Applies a receipt, a damage write-off or a count to the node's stock of the box type; answers the stock after it. */
    Mono<BoxTypeView.NodeStock> adjust(UUID boxTypeId, UUID nodeId, String nodeCode, StockAdjustment adjustment, String actor) {
        int quantity = adjustment.quantity();
        if (!adjustment.reason().equals("counted") && quantity == 0) {
            return Mono.error(ApiProblem.invalid("quantity", "must be at least 1 box when boxes are " + adjustment.reason()));
        }
        return db.sql("INSERT INTO box_stock (box_type_id, node_id, on_hand) VALUES (:box, :node, 0) ON CONFLICT DO NOTHING")
                .bind("box", boxTypeId).bind("node", nodeId)
                .then()
                .then(lockedOnHand(boxTypeId, nodeId))
                .flatMap(before -> {
                    int after = switch (adjustment.reason()) {
                        case "received" -> before + quantity;
                        case "damaged" -> before - quantity;
                        default -> quantity;
                    };
                    return record(boxTypeId, nodeId, after - before, after, adjustment.reason(), actor)
                            .then(setOnHand(boxTypeId, nodeId, after))
                            .thenReturn(new BoxTypeView.NodeStock(nodeId, nodeCode, after));
                });
    }

    /**
     * Takes one box for a closed carton from the node's stock, once per carton however often it is asked.
     * A node that keeps no count of this box type is left alone: it starts counting with its first receipt or count.
     */
    Mono<Void> takeForCarton(UUID boxTypeId, UUID nodeId, UUID cartonId, String actor) {
        return lockedOnHand(boxTypeId, nodeId)
                .flatMap(before -> db.sql("""
                                INSERT INTO box_stock_movements (box_type_id, node_id, delta, on_hand_after, reason, carton_id, actor)
                                VALUES (:box, :node, -1, :after, 'carton_closed', :carton, :actor)
                                ON CONFLICT (carton_id, reason) WHERE carton_id IS NOT NULL DO NOTHING
                                """)
                        .bind("box", boxTypeId).bind("node", nodeId).bind("after", before - 1).bind("carton", cartonId).bind("actor", actor)
                        .fetch().rowsUpdated()
                        .flatMap(taken -> taken == 1 ? setOnHand(boxTypeId, nodeId, before - 1) : Mono.empty()))
                .then();
    }

    private record Taken(UUID boxTypeId, UUID nodeId) {
    }

    /**
     * Puts the box an unpacked carton took back into the stock it came from, once per carton however often
     * it is asked. A carton that took no box from the stock (a unit in its own packaging, a node that did
     * not count the box type when the carton closed) gives none back.
     */
    Mono<Void> returnForCarton(UUID cartonId, String actor) {
        return db.sql("SELECT box_type_id, node_id FROM box_stock_movements WHERE carton_id = :carton AND reason = 'carton_closed'")
                .bind("carton", cartonId)
                .map(row -> new Taken(row.get("box_type_id", UUID.class), row.get("node_id", UUID.class)))
                .one()
                .flatMap(taken -> lockedOnHand(taken.boxTypeId(), taken.nodeId())
                        .flatMap(before -> db.sql("""
                                        INSERT INTO box_stock_movements (box_type_id, node_id, delta, on_hand_after, reason, carton_id, actor)
                                        VALUES (:box, :node, 1, :after, 'carton_unpacked', :carton, :actor)
                                        ON CONFLICT (carton_id, reason) WHERE carton_id IS NOT NULL DO NOTHING
                                        """)
                                .bind("box", taken.boxTypeId()).bind("node", taken.nodeId()).bind("after", before + 1)
                                .bind("carton", cartonId).bind("actor", actor)
                                .fetch().rowsUpdated()
                                .flatMap(returned -> returned == 1 ? setOnHand(taken.boxTypeId(), taken.nodeId(), before + 1) : Mono.empty())))
                .then();
    }

    /** The box type's stock at every node that counts it, with the nodes' codes. */
    Flux<BoxTypeView.NodeStock> of(UUID boxTypeId) {
        return db.sql("SELECT node_id, on_hand FROM box_stock WHERE box_type_id = :box ORDER BY node_id")
                .bind("box", boxTypeId)
                .map(row -> new Object[] {row.get("node_id", UUID.class), row.get("on_hand", Integer.class)})
                .all()
                .concatMap(row -> network.node((UUID) row[0])
                        .map(node -> new BoxTypeView.NodeStock((UUID) row[0], node.code(), (Integer) row[1])));
    }

    /** A page of the box type's stock changes, newest first, before the movement {@code beforeId}. */
    Mono<io.stowage.api.paging.Page<StockMovement>> movements(UUID boxTypeId, long beforeId, int limit) {
        return db.sql("""
                        SELECT id, node_id, delta, on_hand_after, reason, carton_id, actor, created_at FROM box_stock_movements
                        WHERE box_type_id = :box AND id < :before ORDER BY id DESC LIMIT :rows
                        """)
                .bind("box", boxTypeId).bind("before", beforeId).bind("rows", limit + 1)
                .map(row -> new Object[] {row.get("id", Long.class), row.get("node_id", UUID.class), row.get("delta", Integer.class),
                        row.get("on_hand_after", Integer.class), row.get("reason", String.class), row.get("carton_id", UUID.class),
                        row.get("actor", String.class), row.get("created_at", java.time.OffsetDateTime.class)})
                .all()
                .concatMap(row -> network.node((UUID) row[1]).map(node -> new StockMovement((Long) row[0], node.code(), (Integer) row[2],
                        (Integer) row[3], (String) row[4], (UUID) row[5], (String) row[6], (java.time.OffsetDateTime) row[7])))
                .collectList()
                .map(rows -> io.stowage.api.paging.Page.of(rows, limit, movement -> Long.toString(movement.id())));
    }

    private Mono<Integer> lockedOnHand(UUID boxTypeId, UUID nodeId) {
        return db.sql("SELECT on_hand FROM box_stock WHERE box_type_id = :box AND node_id = :node FOR UPDATE")
                .bind("box", boxTypeId).bind("node", nodeId)
                .map(row -> row.get("on_hand", Integer.class))
                .one();
    }

    private Mono<Void> setOnHand(UUID boxTypeId, UUID nodeId, int onHand) {
        return db.sql("UPDATE box_stock SET on_hand = :onHand, updated_at = now() WHERE box_type_id = :box AND node_id = :node")
                .bind("onHand", onHand).bind("box", boxTypeId).bind("node", nodeId)
                .then();
    }

    /** A count that finds what the books say is recorded too: it tells when the stock was last seen to be right. */
    private Mono<Void> record(UUID boxTypeId, UUID nodeId, int delta, int after, String reason, String actor) {
        return db.sql("""
                        INSERT INTO box_stock_movements (box_type_id, node_id, delta, on_hand_after, reason, actor)
                        VALUES (:box, :node, :delta, :after, :reason, :actor)
                        """)
                .bind("box", boxTypeId).bind("node", nodeId).bind("delta", delta).bind("after", after).bind("reason", reason)
                .bind("actor", actor)
                .then();
    }
}
