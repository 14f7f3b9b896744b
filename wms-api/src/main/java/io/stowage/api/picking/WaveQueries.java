package io.stowage.api.picking;

import io.stowage.api.database.Params;
import io.stowage.api.paging.CreationCursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.picking.WaveView.BatchView;
import io.stowage.api.picking.WaveView.PickTaskView;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads waves, batches and replenishment tasks for the views; a wave of another node is not found. */
@Component
class WaveQueries {

    static final String REPLENISHMENT_COLUMNS = """
            r.id, r.status, r.wave_id, v.sku, lt.lot_number, fl.code AS from_code, tl.code AS to_code, r.quantity,
            r.moved_quantity, r.replaces_task_id, r.created_by, r.created_at, r.done_by, r.done_at
            FROM replenishment_tasks r JOIN variants v ON v.id = r.variant_id
            JOIN locations fl ON fl.id = r.from_location_id JOIN locations tl ON tl.id = r.to_location_id
            LEFT JOIN lots lt ON lt.id = r.lot_key
            """;

    private static final String TASK_COLUMNS = """
            t.id, t.batch_id, t.sequence, l.code AS location_code, v.sku, lt.lot_number, t.quantity, t.picked_quantity, t.tote,
            t.order_id, t.line_no, t.status, t.replaces_task_id
            FROM pick_tasks t JOIN locations l ON l.id = t.location_id JOIN variants v ON v.id = t.variant_id
            LEFT JOIN lots lt ON lt.id = t.lot_key
            """;

    private final DatabaseClient db;

    WaveQueries(DatabaseClient db) {
        this.db = db;
    }

    /** A line of the wave list: enough to pick the wave to open. */
    record WaveSummary(UUID id, String status, int orders, int batches, Double totalLengthM, String createdBy,
                       OffsetDateTime createdAt, OffsetDateTime plannedAt, OffsetDateTime releasedAt, OffsetDateTime completedAt) {
    }

    /** The node's waves, newest first; {@code after} is the sort key of the last wave of the previous page. */
    Mono<Page<WaveSummary>> list(UUID nodeId, String status, String after, int limit) {
        CreationCursor cursor = CreationCursor.parse(after);
        return db.sql("""
                        SELECT w.id, w.status, w.total_length_m, w.created_by, w.created_at, w.planned_at, w.released_at, w.completed_at,
                               (SELECT count(*) FROM wave_orders o WHERE o.wave_id = w.id AND o.skipped_reason IS NULL) AS orders,
                               (SELECT count(*) FROM wave_batches b WHERE b.wave_id = w.id) AS batches
                        FROM waves w
                        WHERE w.node_id = :node AND (CAST(:status AS text) IS NULL OR w.status = :status)
                          AND (CAST(:afterAt AS timestamptz) IS NULL OR (w.created_at, w.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                        ORDER BY w.created_at DESC, w.id DESC
                        LIMIT :limit
                        """)
                .bind("node", nodeId)
                .bind("status", Params.nullable(status, String.class))
                .bind("afterAt", Params.nullable(cursor == null ? null : cursor.createdAt(), OffsetDateTime.class))
                .bind("afterId", Params.nullable(cursor == null ? null : cursor.id(), UUID.class))
                .bind("limit", limit + 1)
                .map(row -> new WaveSummary(row.get("id", UUID.class), row.get("status", String.class),
                        row.get("orders", Number.class).intValue(), row.get("batches", Number.class).intValue(),
                        row.get("total_length_m", Double.class), row.get("created_by", String.class),
                        row.get("created_at", OffsetDateTime.class), row.get("planned_at", OffsetDateTime.class),
                        row.get("released_at", OffsetDateTime.class), row.get("completed_at", OffsetDateTime.class)))
                .all().collectList()
                .map(rows -> Page.of(rows, limit, wave -> CreationCursor.key(wave.createdAt(), wave.id())));
    }

    Mono<WaveView> wave(UUID nodeId, UUID waveId) {
        Mono<List<UUID>> orders = db.sql("SELECT order_id FROM wave_orders WHERE wave_id = :wave AND skipped_reason IS NULL ORDER BY order_id")
                .bind("wave", waveId).map(row -> row.get("order_id", UUID.class)).all().collectList();
        Mono<List<WaveView.SkippedOrder>> skipped = db.sql("""
                        SELECT order_id, skipped_reason FROM wave_orders WHERE wave_id = :wave AND skipped_reason IS NOT NULL ORDER BY order_id
                        """)
                .bind("wave", waveId)
                .map(row -> new WaveView.SkippedOrder(row.get("order_id", UUID.class), row.get("skipped_reason", String.class)))
                .all().collectList();
        Mono<List<ReplenishmentTaskView>> replenishments = db.sql("SELECT " + REPLENISHMENT_COLUMNS + " WHERE r.wave_id = :wave ORDER BY r.created_at, r.id")
                .bind("wave", waveId).map(WaveQueries::replenishment).all().collectList();
        return db.sql("""
                        SELECT w.*, n.code AS node_code FROM waves w JOIN nodes n ON n.id = w.node_id
                        WHERE w.id = :wave AND w.node_id = :node
                        """)
                .bind("wave", waveId).bind("node", nodeId)
                .map(WaveRow::of)
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Wave", waveId)))
                .flatMap(wave -> Mono.zip(orders, skipped, batches(waveId), replenishments)
                        .map(parts -> wave.view(parts.getT1(), parts.getT2(), parts.getT3(), parts.getT4())));
    }

    Mono<List<BatchView>> batches(UUID waveId) {
        return db.sql("""
                        SELECT b.id, b.wave_id, b.sequence, b.status, b.totes, b.route_length_m, b.route_method, wk.badge_code
                        FROM wave_batches b LEFT JOIN workers wk ON wk.id = b.picker_id
                        WHERE b.wave_id = :wave ORDER BY b.sequence
                        """)
                .bind("wave", waveId)
                .map(WaveQueries::batchRow)
                .all().collectList()
                .flatMap(batches -> db.sql("SELECT " + TASK_COLUMNS + " WHERE t.wave_id = :wave ORDER BY t.batch_id, t.sequence")
                        .bind("wave", waveId)
                        .map(row -> Map.entry(row.get("batch_id", UUID.class), taskRow(row)))
                        .all().collectList()
                        .map(tasks -> withTasks(batches, tasks)));
    }

    Mono<BatchView> batch(UUID batchId) {
        return db.sql("""
                        SELECT b.id, b.wave_id, b.sequence, b.status, b.totes, b.route_length_m, b.route_method, wk.badge_code
                        FROM wave_batches b LEFT JOIN workers wk ON wk.id = b.picker_id WHERE b.id = :batch
                        """)
                .bind("batch", batchId).map(WaveQueries::batchRow).one()
                .flatMap(batch -> tasksOfBatch(batchId).map(tasks -> new BatchView(batch.id(), batch.waveId(), batch.sequence(),
                        batch.status(), batch.totes(), batch.routeLengthM(), batch.routeMethod(), batch.pickerBadge(), tasks)));
    }

    Mono<PickTaskView> task(UUID taskId) {
        return db.sql("SELECT " + TASK_COLUMNS + " WHERE t.id = :task").bind("task", taskId).map(WaveQueries::taskRow).one();
    }

    Mono<List<PickTaskView>> tasks(List<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("SELECT " + TASK_COLUMNS + " WHERE t.id = ANY(:ids) ORDER BY t.sequence")
                .bind("ids", taskIds.toArray(UUID[]::new)).map(WaveQueries::taskRow).all().collectList();
    }

    private Mono<List<PickTaskView>> tasksOfBatch(UUID batchId) {
        return db.sql("SELECT " + TASK_COLUMNS + " WHERE t.batch_id = :batch ORDER BY t.sequence")
                .bind("batch", batchId).map(WaveQueries::taskRow).all().collectList();
    }

    private static List<BatchView> withTasks(List<BatchView> batches, List<Map.Entry<UUID, PickTaskView>> tasks) {
        Map<UUID, List<PickTaskView>> byBatch = new LinkedHashMap<>();
        batches.forEach(batch -> byBatch.put(batch.id(), new ArrayList<>()));
        // The two reads are not one snapshot: a plan written between them brings tasks of batches not read yet; they show next time.
        tasks.forEach(task -> byBatch.computeIfPresent(task.getKey(), (batch, list) -> {
            list.add(task.getValue());
            return list;
        }));
        return batches.stream().map(batch -> new BatchView(batch.id(), batch.waveId(), batch.sequence(), batch.status(), batch.totes(),
                batch.routeLengthM(), batch.routeMethod(), batch.pickerBadge(), byBatch.get(batch.id()))).toList();
    }

    private static BatchView batchRow(Readable row) {
        return new BatchView(row.get("id", UUID.class), row.get("wave_id", UUID.class), row.get("sequence", Integer.class),
                row.get("status", String.class), row.get("totes", Integer.class), row.get("route_length_m", Double.class),
                row.get("route_method", String.class), row.get("badge_code", String.class), List.of());
    }

    private static PickTaskView taskRow(Readable row) {
        return new PickTaskView(row.get("id", UUID.class), row.get("sequence", Integer.class), row.get("location_code", String.class),
                row.get("sku", String.class), row.get("lot_number", String.class), row.get("quantity", Integer.class),
                row.get("picked_quantity", Integer.class), row.get("tote", Integer.class), row.get("order_id", UUID.class),
                row.get("line_no", Integer.class), row.get("status", String.class), row.get("replaces_task_id", UUID.class));
    }

    static ReplenishmentTaskView replenishment(Readable row) {
        return new ReplenishmentTaskView(row.get("id", UUID.class), row.get("status", String.class), row.get("wave_id", UUID.class),
                row.get("sku", String.class), row.get("lot_number", String.class), row.get("from_code", String.class),
                row.get("to_code", String.class), row.get("quantity", Integer.class), row.get("moved_quantity", Integer.class),
                row.get("replaces_task_id", UUID.class), row.get("created_by", String.class),
                row.get("created_at", OffsetDateTime.class), row.get("done_by", String.class), row.get("done_at", OffsetDateTime.class));
    }

    /** The wave row, read before its parts. */
    private record WaveRow(UUID id, String nodeCode, WaveStatus status, WaveView.Filter filter, WaveView.Cart cart, int timeLimitSeconds,
                           String method, Double totalLengthM, String failure, String createdBy, OffsetDateTime createdAt,
                           OffsetDateTime plannedAt, String releasedBy, OffsetDateTime releasedAt, OffsetDateTime completedAt) {

        static WaveRow of(Readable row) {
            return new WaveRow(row.get("id", UUID.class), row.get("node_code", String.class), WaveStatus.fromDb(row.get("status", String.class)),
                    new WaveView.Filter(row.get("cut_off_before", LocalDate.class), row.get("service_level", String.class), row.get("zone_code", String.class),
                            row.get("carrier_code", String.class)),
                    new WaveView.Cart(row.get("cart_totes", Integer.class), row.get("tote_volume_cm3", Long.class), row.get("max_weight_g", Long.class)),
                    row.get("time_limit_seconds", Integer.class), row.get("method", String.class), row.get("total_length_m", Double.class),
                    row.get("failure", String.class), row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class),
                    row.get("planned_at", OffsetDateTime.class), row.get("released_by", String.class), row.get("released_at", OffsetDateTime.class),
                    row.get("completed_at", OffsetDateTime.class));
        }

        WaveView view(List<UUID> orders, List<WaveView.SkippedOrder> skipped, List<BatchView> batches, List<ReplenishmentTaskView> replenishments) {
            return new WaveView(id, nodeCode, status, filter, cart, timeLimitSeconds, method, totalLengthM, failure, orders, skipped,
                    batches, replenishments, createdBy, createdAt, plannedAt, releasedBy, releasedAt, completedAt);
        }
    }
}
