package io.stowage.api.access;

import io.stowage.api.Published;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import java.util.Set;
import java.util.UUID;
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

    public Workers(DatabaseClient db) {
        this.db = db;
    }

    public record Worker(UUID id, String badgeCode, String name, String nodeCode, Set<WorkerRole> roles, boolean active) {
    }

    public record NewWorker(String badgeCode, String name, String pin, String nodeCode, Set<WorkerRole> roles) {
    }

    public Mono<Worker> create(NewWorker request) {
        // bcrypt costs tens of milliseconds of CPU: never on the event loop.
        return Mono.fromCallable(() -> PINS.encode(request.pin()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(pinHash -> db.sql("""
                                INSERT INTO workers (badge_code, name, pin_hash, roles, node_id)
                                SELECT :badge, :name, :pinHash, :roles, n.id FROM nodes n WHERE n.code = :node
                                RETURNING id
                                """)
                        .bind("badge", request.badgeCode())
                        .bind("name", request.name())
                        .bind("pinHash", pinHash)
                        .bind("roles", request.roles().stream().map(WorkerRole::json).toArray(String[]::new))
                        .bind("node", request.nodeCode())
                        .map(row -> row.get("id", UUID.class))
                        .one())
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalid("node_code", "no warehouse or store has the code " + request.nodeCode())))
                .map(id -> new Worker(id, request.badgeCode(), request.name(), request.nodeCode(), request.roles(), true));
    }

    /** Workers by badge code. */
    public Mono<Page<Worker>> list(String afterBadge, int limit) {
        return db.sql("""
                        SELECT w.id, w.badge_code, w.name, n.code AS node_code, w.roles, w.active
                        FROM workers w LEFT JOIN nodes n ON n.id = w.node_id
                        WHERE w.badge_code > :after ORDER BY w.badge_code LIMIT :limit
                        """)
                .bind("after", afterBadge).bind("limit", limit + 1)
                .map(row -> new Worker(row.get("id", UUID.class), row.get("badge_code", String.class), row.get("name", String.class),
                        row.get("node_code", String.class), WorkerRole.parseAll(row.get("roles", String[].class)),
                        Boolean.TRUE.equals(row.get("active", Boolean.class))))
                .all().collectList()
                .map(rows -> Page.of(rows, limit, Worker::badgeCode));
    }
}
