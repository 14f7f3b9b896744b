package io.stowage.api.access;

import io.stowage.api.Published;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Warehouse staff: a badge, a PIN (stored as a bcrypt hash), the node they work in and their roles. */
@Service
@Published
public class Workers {

    static final BCryptPasswordEncoder PINS = new BCryptPasswordEncoder(10);

    private final DatabaseClient db;
    private final NodeDirectory nodes;

    public Workers(DatabaseClient db, NodeDirectory nodes) {
        this.db = db;
        this.nodes = nodes;
    }

    public record Worker(UUID id, String badgeCode, String name, String nodeCode, Set<WorkerRole> roles, boolean active) {
    }

    public record NewWorker(String badgeCode, String name, String pin, String nodeCode, Set<WorkerRole> roles) {
    }

    public Mono<Worker> create(NewWorker request) {
        return nodes.nodeId(request.nodeCode())
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalid("node_code", "no warehouse or store has the code " + request.nodeCode())))
                // bcrypt costs tens of milliseconds of CPU: never on the event loop.
                .flatMap(nodeId -> Mono.fromCallable(() -> PINS.encode(request.pin()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(pinHash -> db.sql("""
                                        INSERT INTO workers (badge_code, name, pin_hash, roles, node_id)
                                        VALUES (:badge, :name, :pinHash, :roles, :node)
                                        RETURNING id
                                        """)
                                .bind("badge", request.badgeCode())
                                .bind("name", request.name())
                                .bind("pinHash", pinHash)
                                .bind("roles", request.roles().stream().map(WorkerRole::json).toArray(String[]::new))
                                .bind("node", nodeId)
                                .map(row -> row.get("id", UUID.class))
                                .one()))
                .map(id -> new Worker(id, request.badgeCode(), request.name(), request.nodeCode(), request.roles(), true));
    }

    /** The badge codes of these workers, by id (views that show who works on what); unknown ids are left out. */
    public Mono<Map<UUID, String>> badges(Collection<UUID> ids) {
        return db.sql("SELECT id, badge_code FROM workers WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("id", UUID.class), row.get("badge_code", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Workers by badge code. */
    public Mono<Page<Worker>> list(String afterBadge, int limit) {
        return db.sql("""
                        SELECT id, badge_code, name, node_id, roles, active
                        FROM workers WHERE badge_code > :after ORDER BY badge_code LIMIT :limit
                        """)
                .bind("after", afterBadge).bind("limit", limit + 1)
                .map(row -> new ListedWorker(row.get("id", UUID.class), row.get("badge_code", String.class), row.get("name", String.class),
                        row.get("node_id", UUID.class), WorkerRole.parseAll(row.get("roles", String[].class)),
                        Boolean.TRUE.equals(row.get("active", Boolean.class))))
                .all().collectList()
                .flatMap(rows -> nodes.nodeCodes(rows.stream().map(ListedWorker::nodeId).filter(Objects::nonNull).collect(Collectors.toSet()))
                        .map(codes -> rows.stream().map(row -> row.worker(codes)).toList()))
                .map(rows -> Page.of(rows, limit, Worker::badgeCode));
    }

    /** A worker row as stored: its node by id, until the node's code is known. */
    private record ListedWorker(UUID id, String badgeCode, String name, UUID nodeId, Set<WorkerRole> roles, boolean active) {
        Worker worker(Map<UUID, String> nodeCodes) {
            return new Worker(id, badgeCode, name, nodeId == null ? null : nodeCodes.get(nodeId), roles, active);
        }
    }
}
