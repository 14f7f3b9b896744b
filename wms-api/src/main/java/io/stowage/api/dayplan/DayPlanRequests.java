package io.stowage.api.dayplan;

import io.stowage.api.Published;
import io.stowage.api.network.Network;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Asks for a run of a node's day plan, in the caller's transaction: picking calls it when a wave is
 * released, so the run sees the released orders once they are committed. The run itself happens in
 * the background on whichever instance claims it; asking while a run is under way makes another
 * run follow it.
 */
@Service
@Published
public class DayPlanRequests {

    static final String WAVE_RELEASED = "wave_released";
    static final String REQUESTED = "requested";
    static final String CUT_OFF = "cut_off";

    private final DatabaseClient db;
    private final Network network;

    DayPlanRequests(DatabaseClient db, Network network) {
        this.db = db;
        this.network = network;
    }

    /** A wave of the node was released: plan the node's day now. */
    public Mono<Void> waveReleased(UUID nodeId) {
        return request(nodeId, WAVE_RELEASED).then();
    }

    /** Makes a run of the node's plan for today (its local date) due now; answers that day. */
    Mono<LocalDate> request(UUID nodeId, String reason) {
        return network.node(nodeId)
                .map(node -> LocalDate.now(ZoneId.of(node.timeZone())))
                .flatMap(day -> db.sql("""
                                INSERT INTO day_plans (node_id, plan_day, due_at, due_reason) VALUES (:node, :day, clock_timestamp(), :reason)
                                ON CONFLICT (node_id, plan_day) DO UPDATE SET due_at = excluded.due_at, due_reason = excluded.due_reason
                                """)
                        .bind("node", nodeId).bind("day", day).bind("reason", reason)
                        .then().thenReturn(day));
    }
}
