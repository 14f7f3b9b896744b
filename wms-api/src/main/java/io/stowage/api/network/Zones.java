package io.stowage.api.network;

import io.stowage.api.Published;
import io.stowage.api.access.Caller;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Zones of a node: set up by the administrator or the node's supervisors, read by the staff. */
@Service
@Published
public class Zones {

    private final DatabaseClient db;
    private final Nodes nodes;

    public Zones(DatabaseClient db, Nodes nodes) {
        this.db = db;
        this.nodes = nodes;
    }

    public Mono<Zone> create(Caller caller, String nodeCode, String code, String name) {
        return nodes.forManager(caller, nodeCode).flatMap(node -> db.sql("""
                                INSERT INTO zones (node_id, code, name) VALUES (:node, :code, :name)
                                ON CONFLICT (node_id, code) DO NOTHING
                                RETURNING id, code, name
                                """)
                        .bind("node", node.id()).bind("code", code).bind("name", name)
                        .map(row -> new Zone(row.get("id", UUID.class), row.get("code", String.class), row.get("name", String.class)))
                        .one()
                        .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.ZONE_EXISTS, "The node " + nodeCode + " already has a zone " + code))));
    }

    public Mono<Page<Zone>> list(Caller caller, String nodeCode, Integer limit, String after) {
        int size = Cursor.limit(limit);
        String afterCode = Cursor.decode(after);
        return nodes.forStaff(caller, nodeCode).flatMap(node -> db.sql("""
                                SELECT id, code, name FROM zones
                                WHERE node_id = :node AND code COLLATE "C" > :after
                                ORDER BY code COLLATE "C" LIMIT :limit
                                """)
                        .bind("node", node.id()).bind("after", afterCode).bind("limit", size + 1)
                        .map(row -> new Zone(row.get("id", UUID.class), row.get("code", String.class), row.get("name", String.class)))
                        .all().collectList())
                .map(rows -> Page.of(rows, size, Zone::code));
    }
}
