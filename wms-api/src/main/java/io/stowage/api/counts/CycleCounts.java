package io.stowage.api.counts;

import io.stowage.api.access.Caller;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockRefs;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Blind cycle counts. A supervisor opens a task per location; a worker counts what is there
 * without seeing what the system expects; the supervisor sees the variance and approves it, which
 * posts the adjustments to the ledger, or rejects it for a recount.
 */
@Service
public class CycleCounts {

    private final DatabaseClient db;
    private final StockRefs refs;
    private final StockLedger ledger;

    public CycleCounts(DatabaseClient db, StockRefs refs, StockLedger ledger) {
        this.db = db;
        this.refs = refs;
        this.ledger = ledger;
    }

    /** What the counter sees: where to count, never how many to expect. */
    public record CountTask(UUID id, String locationCode, String status, OffsetDateTime createdAt) {
    }

    public record CountedItem(UUID merchantId, String sku, String gtin, String lotNumber, int quantity) {
    }

    public record Review(UUID id, String locationCode, String status, String countedBy, OffsetDateTime countedAt,
                         String decidedBy, List<ReviewLine> lines) {
    }

    public record ReviewLine(String sku, String lotNumber, int expected, int counted, int variance) {
    }

    private record Key(UUID merchantId, UUID variantId, UUID lotKey) {
    }

    private record TaskRow(UUID id, UUID nodeId, UUID locationId, String locationCode, String status) {
    }

    public Mono<List<CountTask>> open(Caller.Worker supervisor, List<String> locationCodes) {
        return Flux.fromIterable(locationCodes.stream().distinct().toList())
                .concatMap(code -> refs.location(supervisor.nodeId(), "location_codes", code))
                .concatMap(location -> db.sql("""
                                INSERT INTO count_tasks (node_id, location_id, status, created_by) VALUES (:node, :location, 'open', :actor)
                                RETURNING id, status, created_at
                                """)
                        .bind("node", supervisor.nodeId()).bind("location", location.id()).bind("actor", supervisor.actor())
                        .map(row -> new CountTask(row.get("id", UUID.class), location.code(), row.get("status", String.class),
                                row.get("created_at", OffsetDateTime.class)))
                        .one())
                .collectList();
    }

    /** The node's count tasks in one status, by location code. */
    public Mono<Page<CountTask>> list(Caller.Worker worker, String status, String afterKey, int limit) {
        return db.sql("""
                        SELECT t.id, l.code, t.status, t.created_at FROM count_tasks t JOIN locations l ON l.id = t.location_id
                        WHERE t.node_id = :node AND t.status = :status AND l.code || '/' || t.id > :after
                        ORDER BY l.code, t.id LIMIT :limit
                        """)
                .bind("node", worker.nodeId()).bind("status", status).bind("after", afterKey).bind("limit", limit + 1)
                .map(row -> new CountTask(row.get("id", UUID.class), row.get("code", String.class), row.get("status", String.class),
                        row.get("created_at", OffsetDateTime.class)))
                .all().collectList()
                .map(rows -> Page.of(rows, limit, task -> task.locationCode() + "/" + task.id()));
    }

    /** Records a blind count; what the system expected is snapshotted now, at the moment of counting. */
    public Mono<CountTask> count(Caller.Worker counter, UUID taskId, List<CountedItem> items) {
        return task(counter, taskId, true).flatMap(task -> {
            if (!"open".equals(task.status())) {
                return Mono.error(ApiProblem.of(ProblemType.COUNT_NOT_OPEN, "This count task is " + task.status()));
            }
            Mono<Map<Key, Integer>> expected = db.sql("""
                            SELECT merchant_id, variant_id, lot_key, sum(on_hand) AS on_hand FROM stock_balances
                            WHERE location_id = :location AND status = 'available' AND on_hand > 0
                            GROUP BY merchant_id, variant_id, lot_key
                            """)
                    .bind("location", task.locationId())
                    .map(row -> Map.entry(new Key(row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class),
                            row.get("lot_key", UUID.class)), row.get("on_hand", Number.class).intValue()))
                    .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
            Mono<Map<Key, Integer>> counted = Flux.fromIterable(items)
                    .concatMap(item -> refs.variant(item.merchantId(), item.sku(), item.gtin(), task.locationId())
                            .flatMap(variant -> refs.lot(variant, item.lotNumber(), null, false).map(Optional::of).defaultIfEmpty(Optional.empty())
                                    .map(lot -> Map.entry(new Key(variant.merchantId(), variant.id(), lot.orElse(StockLedger.NO_LOT)), item.quantity()))))
                    .collect(LinkedHashMap::new, (map, entry) -> map.merge(entry.getKey(), entry.getValue(), Integer::sum));
            return expected.zipWith(counted).flatMap(both -> {
                Map<Key, int[]> lines = new LinkedHashMap<>();
                both.getT1().forEach((key, qty) -> lines.computeIfAbsent(key, k -> new int[2])[0] = qty);
                both.getT2().forEach((key, qty) -> lines.computeIfAbsent(key, k -> new int[2])[1] = qty);
                return Flux.fromIterable(lines.entrySet())
                        .concatMap(line -> db.sql("""
                                        INSERT INTO count_lines (count_task_id, merchant_id, variant_id, lot_key, expected, counted)
                                        VALUES (:task, :merchant, :variant, :lot, :expected, :counted)
                                        """)
                                .bind("task", taskId).bind("merchant", line.getKey().merchantId()).bind("variant", line.getKey().variantId())
                                .bind("lot", line.getKey().lotKey()).bind("expected", line.getValue()[0]).bind("counted", line.getValue()[1])
                                .then())
                        .then(db.sql("UPDATE count_tasks SET status = 'counted', counted_by = :actor, counted_at = now() WHERE id = :id RETURNING created_at")
                                .bind("actor", counter.actor()).bind("id", taskId)
                                .map(row -> new CountTask(taskId, task.locationCode(), "counted", row.get("created_at", OffsetDateTime.class)))
                                .one());
            });
        });
    }

    public Mono<Review> review(Caller.Worker supervisor, UUID taskId) {
        return task(supervisor, taskId, false).flatMap(task -> db.sql("""
                                SELECT t.counted_by, t.counted_at, t.decided_by, v.sku, l.lot_number, c.expected, c.counted
                                FROM count_tasks t
                                LEFT JOIN count_lines c ON c.count_task_id = t.id
                                LEFT JOIN variants v ON v.id = c.variant_id
                                LEFT JOIN lots l ON l.id = c.lot_key
                                WHERE t.id = :id ORDER BY v.sku, l.lot_number
                                """)
                        .bind("id", taskId).fetch().all().collectList()
                        .map(rows -> new Review(taskId, task.locationCode(), task.status(),
                                rows.isEmpty() ? null : (String) rows.get(0).get("counted_by"),
                                rows.isEmpty() ? null : (OffsetDateTime) rows.get(0).get("counted_at"),
                                rows.isEmpty() ? null : (String) rows.get(0).get("decided_by"),
                                rows.stream().filter(row -> row.get("sku") != null)
                                        .map(row -> new ReviewLine((String) row.get("sku"), (String) row.get("lot_number"),
                                                (Integer) row.get("expected"), (Integer) row.get("counted"),
                                                (Integer) row.get("counted") - (Integer) row.get("expected")))
                                        .toList())));
    }

    /** Posts each variance as a count adjustment and closes the task. Runs inside the caller's transaction. */
    public Mono<Review> approve(Caller.Worker supervisor, UUID taskId) {
        return decide(supervisor, taskId, "approved").flatMap(task -> db.sql("""
                                SELECT merchant_id, variant_id, lot_key, counted - expected AS variance FROM count_lines
                                WHERE count_task_id = :id AND counted <> expected
                                """)
                        .bind("id", taskId)
                        .map(row -> new Object[] {row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class),
                                row.get("lot_key", UUID.class), row.get("variance", Integer.class)})
                        .all()
                        .concatMap(line -> {
                            int variance = (Integer) line[3];
                            UUID lot = StockLedger.NO_LOT.equals(line[2]) ? null : (UUID) line[2];
                            boolean found = variance > 0;
                            return ledger.post(new Movement((UUID) line[0], task.nodeId(), (UUID) line[1], lot, MovementKind.COUNT_ADJUSTMENT,
                                    Math.abs(variance), found ? null : task.locationId(), found ? null : StockStatus.AVAILABLE,
                                    found ? task.locationId() : null, found ? StockStatus.AVAILABLE : null,
                                    "cycle count", "count_task", taskId.toString(), supervisor.actor(), supervisor.deviceId()));
                        })
                        .then(review(supervisor, taskId)));
    }

    public Mono<Review> reject(Caller.Worker supervisor, UUID taskId) {
        return decide(supervisor, taskId, "rejected").then(review(supervisor, taskId));
    }

    private Mono<TaskRow> decide(Caller.Worker supervisor, UUID taskId, String decision) {
        return task(supervisor, taskId, true).flatMap(task -> {
            if (!"counted".equals(task.status())) {
                return Mono.error(ApiProblem.of(ProblemType.COUNT_NOT_COUNTED, "This count task is " + task.status() + "; only a counted task can be approved or rejected"));
            }
            return db.sql("UPDATE count_tasks SET status = :decision, decided_by = :actor, decided_at = now() WHERE id = :id")
                    .bind("decision", decision).bind("actor", supervisor.actor()).bind("id", taskId)
                    .then().thenReturn(task);
        });
    }

    private Mono<TaskRow> task(Caller.Worker worker, UUID taskId, boolean lock) {
        return db.sql("SELECT t.id, t.node_id, t.location_id, l.code, t.status FROM count_tasks t JOIN locations l ON l.id = t.location_id "
                        + "WHERE t.id = :id AND t.node_id = :node" + (lock ? " FOR UPDATE OF t" : ""))
                .bind("id", taskId).bind("node", worker.nodeId())
                .map(row -> new TaskRow(row.get("id", UUID.class), row.get("node_id", UUID.class), row.get("location_id", UUID.class),
                        row.get("code", String.class), row.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Count task", taskId)));
    }
}
