package io.stowage.api.network;

import io.stowage.api.Published;
import io.stowage.api.database.RecentReads;
import io.stowage.api.problem.ApiProblem;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The network as other features see it (inventory, putaway, picking, orders): nodes and locations
 * by code or id, without any caller's rights. Unknown codes and ids are {@link ApiProblem#notFound}.
 */
@Service
@Published
public class Network {

    /** How long another instance may route without a node just added (nodes are only ever added). */
    static final Duration NODES_MAX_AGE = Duration.ofSeconds(5);

    private final DatabaseClient db;
    private final RecentReads<String, List<Node>> allNodes = new RecentReads<>(NODES_MAX_AGE);

    public Network(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Node> node(String code) {
        return db.sql("SELECT " + NodeRows.COLUMNS + " FROM nodes n WHERE n.code = :code")
                .bind("code", code).map(NodeRows::node).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Node", code)));
    }

    public Mono<Node> node(UUID id) {
        return db.sql("SELECT " + NodeRows.COLUMNS + " FROM nodes n WHERE n.id = :id")
                .bind("id", id).map(NodeRows::node).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Node", id)));
    }

    /** The nodes with these ids, in one query; unknown ids are simply missing (for list views that show node codes). */
    public Flux<Node> nodes(Collection<UUID> ids) {
        return db.sql("SELECT " + NodeRows.COLUMNS + " FROM nodes n WHERE n.id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new)).map(NodeRows::node).all();
    }

    /** The location with this code in the node; a code of another node is not found here. */
    public Mono<LocationRef> location(UUID nodeId, String locationCode) {
        return db.sql("SELECT " + LocationRows.REF_COLUMNS + " FROM locations l WHERE l.node_id = :node AND l.code = :code")
                .bind("node", nodeId).bind("code", locationCode).map(LocationRows::ref).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Location", locationCode)));
    }

    /**
     * The active location a worker or request names in this node; otherwise a {@code field} problem
     * that says whether the code belongs to another warehouse or to no active location at all.
     */
    public Mono<LocationRef> scannedLocation(UUID nodeId, String field, String code) {
        return db.sql("SELECT " + LocationRows.REF_COLUMNS + " FROM locations l WHERE l.node_id = :node AND l.code = :code AND l.active")
                .bind("node", nodeId).bind("code", code).map(LocationRows::ref).one()
                .switchIfEmpty(Mono.defer(() -> db.sql("SELECT count(*) AS elsewhere FROM locations WHERE code = :code AND active")
                        .bind("code", code)
                        .map(row -> row.get("elsewhere", Long.class))
                        .one()
                        .flatMap(elsewhere -> Mono.error(ApiProblem.invalid(field, elsewhere > 0
                                ? "location " + code + " belongs to another warehouse"
                                : "no active location has the code " + code)))));
    }

    public Mono<LocationRef> location(UUID locationId) {
        return db.sql("SELECT " + LocationRows.REF_COLUMNS + " FROM locations l WHERE l.id = :id")
                .bind("id", locationId).map(LocationRows::ref).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Location", locationId)));
    }

    /**
     * The location with its row locked until the caller's transaction ends, so that callers deciding
     * something for the same location (picking topping up a pick face) take turns; empty when unknown.
     */
    public Mono<LocationRef> lockLocation(UUID locationId) {
        return db.sql("SELECT " + LocationRows.REF_COLUMNS + " FROM locations l WHERE l.id = :id FOR UPDATE OF l")
                .bind("id", locationId).map(LocationRows::ref).one();
    }

    /** The locations with these ids, in one query; unknown ids are simply missing (for views that show location codes). */
    public Flux<LocationRef> locationsByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Flux.empty()
                : db.sql("SELECT " + LocationRows.REF_COLUMNS + " FROM locations l WHERE l.id = ANY(:ids)")
                        .bind("ids", ids.toArray(UUID[]::new)).map(LocationRows::ref).all();
    }

    /** The zone code of each of the node's locations that lies in a zone, by location id (waves keep to a zone). */
    public Mono<Map<UUID, String>> zoneCodes(UUID nodeId) {
        return db.sql("SELECT l.id, z.code FROM locations l JOIN zones z ON z.id = l.zone_id WHERE l.node_id = :node")
                .bind("node", nodeId)
                .map(row -> Map.entry(row.get("id", UUID.class), row.get("code", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Every location of the node, ordered by code: the floor plan the picking optimizer routes on. */
    public Flux<LocationRef> locations(UUID nodeId) {
        return db.sql("SELECT " + LocationRows.REF_COLUMNS + " FROM locations l WHERE l.node_id = :node ORDER BY l.code COLLATE \"C\"")
                .bind("node", nodeId).map(LocationRows::ref).all();
    }

    /** The variant's active pick face in the node (the first by code if it has several); empty when it has none. */
    public Mono<LocationRef> pickFace(UUID nodeId, UUID variantId) {
        return db.sql("SELECT " + LocationRows.REF_COLUMNS + """
                         FROM locations l
                        WHERE l.node_id = :node AND l.pick_face_variant_id = :variant AND l.active ORDER BY l.code LIMIT 1
                        """)
                .bind("node", nodeId).bind("variant", variantId).map(LocationRows::ref).one();
    }

    /**
     * Where the node's picked units are taken to be packed: its first active pack station by code,
     * else its first active staging location; empty when it has neither.
     */
    public Mono<LocationRef> dropOff(UUID nodeId) {
        return db.sql("SELECT " + LocationRows.REF_COLUMNS + """
                         FROM locations l
                        WHERE l.node_id = :node AND l.active AND l.type IN ('pack_station', 'staging')
                        ORDER BY l.type = 'pack_station' DESC, l.code COLLATE "C" LIMIT 1
                        """)
                .bind("node", nodeId).map(LocationRows::ref).one();
    }

    /**
     * A page of the node's active storage locations (reserve, or a pick face no variant is given to)
     * other than {@code fromLocationId}, nearest to it first: by rectilinear distance, which is how a
     * person walks between parallel aisles, then by code. Empty when the origin is unknown.
     */
    public Flux<LocationRef> storageNearest(UUID nodeId, UUID fromLocationId, int offset, int limit) {
        return db.sql("SELECT " + LocationRows.REF_COLUMNS + """
                         FROM locations l, locations origin
                        WHERE origin.id = :from AND l.node_id = :node AND l.active AND l.id <> origin.id
                          AND l.type IN ('reserve', 'pick_face') AND l.pick_face_variant_id IS NULL
                        ORDER BY abs(l.x_mm - origin.x_mm) + abs(l.y_mm - origin.y_mm), l.code
                        OFFSET :offset LIMIT :limit
                        """)
                .bind("node", nodeId).bind("from", fromLocationId).bind("offset", offset).bind("limit", limit)
                .map(LocationRows::ref).all();
    }

    /** Every node, nearest first by great-circle distance from the point (degrees). */
    public Flux<NearbyNode> nodesNear(double latitude, double longitude) {
        if (latitude < -90 || latitude > 90) {
            return Flux.error(ApiProblem.invalid("latitude", "must be between -90 and 90"));
        }
        if (longitude < -180 || longitude > 180) {
            return Flux.error(ApiProblem.invalid("longitude", "must be between -180 and 180"));
        }
        // A network has tens to hundreds of nodes: ranking them here is cheaper than a spatial index,
        // and every order asks, so the list is kept for a few seconds.
        return allNodes.get("nodes", () -> db.sql("SELECT " + NodeRows.COLUMNS + " FROM nodes n").map(NodeRows::node).all().collectList())
                .flatMapIterable(nodes -> nodes)
                .map(node -> new NearbyNode(node, GreatCircle.distanceKm(latitude, longitude, node.latitude(), node.longitude())))
                .sort(Comparator.comparingDouble(NearbyNode::distanceKm).thenComparing(nearby -> nearby.node().code()));
    }

    /** After a node is added: the next order on this instance sees it. */
    void forgetNodes() {
        allNodes.forgetAll();
    }
}
