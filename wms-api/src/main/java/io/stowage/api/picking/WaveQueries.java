package io.stowage.api.picking;

import io.stowage.api.access.Workers;
import io.stowage.api.database.Params;
import io.stowage.api.network.Network;
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
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads waves, batches and replenishment tasks for the views; a wave of another node is not found. */
@Component
class WaveQueries {

    /** A replenishment task's own columns (the table under alias {@code r}); names come from {@link TaskNames}. */
    static final String REPLENISHMENT_COLUMNS = """
            r.id, r.status, r.wave_id, r.variant_id, r.lot_key, r.from_location_id, r.to_location_id, r.quantity,
            r.moved_quantity, r.replaces_task_id, r.created_by, r.created_at, r.done_by, r.done_at
            FROM replenishment_tasks r
            """;

    private static final String TASK_COLUMNS = """
            t.id, t.batch_id, t.sequence, t.location_id, t.variant_id, t.lot_key, t.quantity, t.picked_quantity, t.tote,
            t.order_id, t.line_no, t.status, t.replaces_task_id
            FROM pick_tasks t
            """;

    private final DatabaseClient db;
    private final TaskNames names;
    private final Network network;
    private final Workers workers;

    WaveQueries(DatabaseClient db, TaskNames names, Network network, Workers workers) {
        this.db = db;
        this.names = names;
        this.network = network;
        this.workers = workers;
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
                .bind("wave", waveId).map(ReplenishmentRow::of).all().collectList().flatMap(this::replenishments);
        return db.sql("SELECT * FROM waves w WHERE w.id = :wave AND w.node_id = :node")
                .bind("wave", waveId).bind("node", nodeId)
                .map(WaveRow::of)
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Wave", waveId)))
                .flatMap(wave -> network.node(nodeId).map(node -> wave.at(node.code())))
                .flatMap(wave -> Mono.zip(orders, skipped, batches(waveId), replenishments)
                        .map(parts -> wave.view(parts.getT1(), parts.getT2(), parts.getT3(), parts.getT4())));
    }

    Mono<List<BatchView>> batches(UUID waveId) {
        return db.sql("""
                        SELECT id, wave_id, sequence, status, totes, route_length_m, route_method, picker_id
                        FROM wave_batches WHERE wave_id = :wave ORDER BY sequence
                        """)
                .bind("wave", waveId)
                .map(BatchRow::of)
                .all().collectList()
                .flatMap(this::withPickers)
                .flatMap(batches -> db.sql("SELECT " + TASK_COLUMNS + " WHERE t.wave_id = :wave ORDER BY t.batch_id, t.sequence")
                        .bind("wave", waveId)
                        .map(TaskRow::of)
                        .all().collectList()
                        .flatMap(rows -> views(rows).map(tasks -> withTasks(batches, rows, tasks))));
    }

    Mono<BatchView> batch(UUID batchId) {
        return db.sql("""
                        SELECT id, wave_id, sequence, status, totes, route_length_m, route_method, picker_id
                        FROM wave_batches WHERE id = :batch
                        """)
                .bind("batch", batchId).map(BatchRow::of).one()
                .flatMap(batch -> withPickers(List.of(batch)).map(list -> list.get(0)))
                .flatMap(batch -> tasksOfBatch(batchId).map(tasks -> new BatchView(batch.id(), batch.waveId(), batch.sequence(),
                        batch.status(), batch.totes(), batch.routeLengthM(), batch.routeMethod(), batch.pickerBadge(), tasks)));
    }

    Mono<PickTaskView> task(UUID taskId) {
        return db.sql("SELECT " + TASK_COLUMNS + " WHERE t.id = :task").bind("task", taskId).map(TaskRow::of).one()
                .flatMap(row -> views(List.of(row))).map(list -> list.get(0));
    }

    Mono<List<PickTaskView>> tasks(List<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("SELECT " + TASK_COLUMNS + " WHERE t.id = ANY(:ids) ORDER BY t.sequence")
                .bind("ids", taskIds.toArray(UUID[]::new)).map(TaskRow::of).all().collectList().flatMap(this::views);
    }

    private Mono<List<PickTaskView>> tasksOfBatch(UUID batchId) {
        return db.sql("SELECT " + TASK_COLUMNS + " WHERE t.batch_id = :batch ORDER BY t.sequence")
                .bind("batch", batchId).map(TaskRow::of).all().collectList().flatMap(this::views);
    }

    private static List<BatchView> withTasks(List<BatchView> batches, List<TaskRow> rows, List<PickTaskView> tasks) {
        Map<UUID, List<PickTaskView>> byBatch = new LinkedHashMap<>();
        batches.forEach(batch -> byBatch.put(batch.id(), new ArrayList<>()));
        // The two reads are not one snapshot: a plan written between them brings tasks of batches not read yet; they show next time.
        for (int i = 0; i < rows.size(); i++) {
            PickTaskView task = tasks.get(i);
            byBatch.computeIfPresent(rows.get(i).batchId(), (batch, list) -> {
                list.add(task);
                return list;
            });
        }
        return batches.stream().map(batch -> new BatchView(batch.id(), batch.waveId(), batch.sequence(), batch.status(), batch.totes(),
                batch.routeLengthM(), batch.routeMethod(), batch.pickerBadge(), byBatch.get(batch.id()))).toList();
    }

    /** A batch row as stored: its picker by id, until the badge is known. */
    private record BatchRow(UUID id, UUID waveId, int sequence, String status, int totes, double routeLengthM, String routeMethod,
                            UUID pickerId) {

        static BatchRow of(Readable row) {
            return new BatchRow(row.get("id", UUID.class), row.get("wave_id", UUID.class), row.get("sequence", Integer.class),
                    row.get("status", String.class), row.get("totes", Integer.class), row.get("route_length_m", Double.class),
                    row.get("route_method", String.class), row.get("picker_id", UUID.class));
        }
    }

    /** The batches with their pickers' badges (access's, one look-up), still without tasks. */
    private Mono<List<BatchView>> withPickers(List<BatchRow> rows) {
        List<UUID> pickers = rows.stream().map(BatchRow::pickerId).filter(Objects::nonNull).distinct().toList();
        return (pickers.isEmpty() ? Mono.just(Map.<UUID, String>of()) : workers.badges(pickers))
                .map(badges -> rows.stream().map(row -> new BatchView(row.id(), row.waveId(), row.sequence(), row.status(), row.totes(),
                        row.routeLengthM(), row.routeMethod(), row.pickerId() == null ? null : badges.get(row.pickerId()), List.of())).toList());
    }

    /** A pick task row as stored: variant, lot and location by id, until {@link TaskNames} names them. */
    private record TaskRow(UUID id, UUID batchId, int sequence, UUID locationId, UUID variantId, UUID lotKey, int quantity,
                           Integer pickedQuantity, int tote, UUID orderId, int lineNo, String status, UUID replacesTaskId) {

        static TaskRow of(Readable row) {
            return new TaskRow(row.get("id", UUID.class), row.get("batch_id", UUID.class), row.get("sequence", Integer.class),
                    row.get("location_id", UUID.class), row.get("variant_id", UUID.class), row.get("lot_key", UUID.class),
                    row.get("quantity", Integer.class), row.get("picked_quantity", Integer.class), row.get("tote", Integer.class),
                    row.get("order_id", UUID.class), row.get("line_no", Integer.class), row.get("status", String.class),
                    row.get("replaces_task_id", UUID.class));
        }

        PickTaskView view(TaskNames.Names names) {
            return new PickTaskView(id, sequence, names.location(locationId), names.sku(variantId), names.lot(lotKey), quantity,
                    pickedQuantity, tote, orderId, lineNo, status, replacesTaskId);
        }
    }

    /** The views of these rows, in their order. */
    private Mono<List<PickTaskView>> views(List<TaskRow> rows) {
        return rows.isEmpty() ? Mono.just(List.of())
                : names.of(rows.stream().map(TaskRow::variantId).toList(), rows.stream().map(TaskRow::lotKey).toList(),
                        rows.stream().map(TaskRow::locationId).toList())
                        .map(found -> rows.stream().map(row -> row.view(found)).toList());
    }

    /** A replenishment task row as stored ({@link #REPLENISHMENT_COLUMNS}), until {@link TaskNames} names its ids. */
    record ReplenishmentRow(UUID id, String status, UUID waveId, UUID variantId, UUID lotKey, UUID fromLocationId, UUID toLocationId,
                            int quantity, Integer movedQuantity, UUID replacesTaskId, String createdBy, OffsetDateTime createdAt,
                            String doneBy, OffsetDateTime doneAt) {

        static ReplenishmentRow of(Readable row) {
            return new ReplenishmentRow(row.get("id", UUID.class), row.get("status", String.class), row.get("wave_id", UUID.class),
                    row.get("variant_id", UUID.class), row.get("lot_key", UUID.class), row.get("from_location_id", UUID.class),
                    row.get("to_location_id", UUID.class), row.get("quantity", Integer.class), row.get("moved_quantity", Integer.class),
                    row.get("replaces_task_id", UUID.class), row.get("created_by", String.class),
                    row.get("created_at", OffsetDateTime.class), row.get("done_by", String.class), row.get("done_at", OffsetDateTime.class));
        }

        ReplenishmentTaskView view(TaskNames.Names names) {
            return new ReplenishmentTaskView(id, status, waveId, names.sku(variantId), names.lot(lotKey), names.location(fromLocationId),
                    names.location(toLocationId), quantity, movedQuantity, replacesTaskId, createdBy, createdAt, doneBy, doneAt);
        }
    }

    /** The views of these replenishment rows, in their order. */
    Mono<List<ReplenishmentTaskView>> replenishments(List<ReplenishmentRow> rows) {
        return rows.isEmpty() ? Mono.just(List.of())
                : names.of(rows.stream().map(ReplenishmentRow::variantId).toList(), rows.stream().map(ReplenishmentRow::lotKey).toList(),
                        rows.stream().flatMap(row -> Stream.of(row.fromLocationId(), row.toLocationId())).toList())
                        .map(found -> rows.stream().map(row -> row.view(found)).toList());
    }

    /** The wave row, read before its parts. */
    private record WaveRow(UUID id, String nodeCode, WaveStatus status, WaveView.Filter filter, WaveView.Cart cart, int timeLimitSeconds,
                           String method, Double totalLengthM, String failure, String createdBy, OffsetDateTime createdAt,
                           OffsetDateTime plannedAt, String releasedBy, OffsetDateTime releasedAt, OffsetDateTime completedAt) {

        /** The row as stored; the node's code is the network's, {@link #at} adds it. */
        static WaveRow of(Readable row) {
            return new WaveRow(row.get("id", UUID.class), null, WaveStatus.fromDb(row.get("status", String.class)),
                    new WaveView.Filter(row.get("cut_off_before", LocalDate.class), row.get("service_level", String.class), row.get("zone_code", String.class),
                            row.get("carrier_code", String.class)),
                    new WaveView.Cart(row.get("cart_totes", Integer.class), row.get("tote_volume_cm3", Long.class), row.get("max_weight_g", Long.class)),
                    row.get("time_limit_seconds", Integer.class), row.get("method", String.class), row.get("total_length_m", Double.class),
                    row.get("failure", String.class), row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class),
                    row.get("planned_at", OffsetDateTime.class), row.get("released_by", String.class), row.get("released_at", OffsetDateTime.class),
                    row.get("completed_at", OffsetDateTime.class));
        }

        WaveRow at(String code) {
            return new WaveRow(id, code, status, filter, cart, timeLimitSeconds, method, totalLengthM, failure, createdBy, createdAt,
                    plannedAt, releasedBy, releasedAt, completedAt);
        }

        WaveView view(List<UUID> orders, List<WaveView.SkippedOrder> skipped, List<BatchView> batches, List<ReplenishmentTaskView> replenishments) {
            return new WaveView(id, nodeCode, status, filter, cart, timeLimitSeconds, method, totalLengthM, failure, orders, skipped,
                    batches, replenishments, createdBy, createdAt, plannedAt, releasedBy, releasedAt, completedAt);
        }
    }
}
