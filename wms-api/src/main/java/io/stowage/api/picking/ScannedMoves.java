package io.stowage.api.picking;

import io.stowage.api.input.LineQuantity;
import jakarta.validation.constraints.Max;
import io.stowage.api.access.Caller;
import io.stowage.api.database.Params;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.Reservations;
import io.stowage.api.inventory.ShelfStock;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockRefs;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import io.stowage.api.paging.CreationCursor;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.picking.MissingUnits.Finding;
import io.stowage.api.picking.MissingUnits.Shortage;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.r2dbc.spi.Readable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What floor tasks that move units of one variant and lot from one location to another share:
 * replenishments (reserve to pick face) and put-backs (pack station to shelf). The worker scans the
 * source, the product and the destination, and counts the units moved. The checks come first and
 * refuse without writing; then the units are booked, the task is done with what was moved, and what
 * the worker did not find is written off as missing ({@link MissingUnits}). What else a short
 * confirmation leads to (a face topped up again) stays with the task's own service.
 */
@Component
class ScannedMoves {

    /** What the worker scanned at the source and at the destination, and the units moved: the body of a confirmation. */
    record Scan(@NotBlank String fromLocationCode, String sku, String gtin, @NotBlank String toLocationCode, @NotNull @Min(0) @Max(LineQuantity.MAX) Integer quantity) {
    }

    /** A kind of task: its table, the words its problems use, and how the ledger books it. */
    enum TaskKind {
        REPLENISHMENT("replenishment_tasks", "Replenishment", ProblemType.REPLENISHMENT_DONE, "the pick face", MovementKind.REPLENISHMENT,
                Finding.REPLENISHMENT, true),
        PUT_BACK("put_back_tasks", "Put-back", ProblemType.PUT_BACK_DONE, "the shelf", MovementKind.PUT_BACK, Finding.PUT_BACK, false);

        private final String table;
        private final String name;
        private final ProblemType doneProblem;
        private final String destination;
        private final MovementKind movement;
        private final Finding finding;
        /**
         * A worker replenishing empties the reserve location, so every unit the books still show there
         * is missing after a short; a pack station holds other orders' units, so only the task's are.
         */
        private final boolean emptiesSource;

        TaskKind(String table, String name, ProblemType doneProblem, String destination, MovementKind movement, Finding finding,
                 boolean emptiesSource) {
            this.table = table;
            this.name = name;
            this.doneProblem = doneProblem;
            this.destination = destination;
            this.movement = movement;
            this.finding = finding;
            this.emptiesSource = emptiesSource;
        }
    }

    /** An open task as its confirmation checks it, with the units the books show at its source. */
    record Task(UUID id, UUID merchantId, UUID nodeId, UUID variantId, UUID lotKey, UUID fromLocationId, String fromCode,
                UUID toLocationId, String toCode, int quantity, String status, int atSource) {
    }

    /**
     * How a kind of task is listed: its table's columns (under {@code alias}), the row they map to, and
     * how a page of rows becomes views (names asked of their owners once a page), in the rows' order.
     */
    record Listing<R, T>(TaskKind kind, String columns, String alias, Function<Readable, R> row, Function<List<R>, Mono<List<T>>> views,
                         Function<T, OffsetDateTime> createdAt, Function<T, UUID> id) {
    }

    private final DatabaseClient db;
    private final StockLedger ledger;
    private final StockRefs refs;
    private final Reservations reservations;
    private final MissingUnits missingUnits;
    private final Network network;
    private final ShelfStock shelves;

    ScannedMoves(DatabaseClient db, StockLedger ledger, StockRefs refs, Reservations reservations, MissingUnits missingUnits,
                 Network network, ShelfStock shelves) {
        this.db = db;
        this.network = network;
        this.shelves = shelves;
        this.ledger = ledger;
        this.refs = refs;
        this.reservations = reservations;
        this.missingUnits = missingUnits;
    }

    /** The tasks of the worker's node, open or done or both, oldest first. */
    <R, T> Mono<Page<T>> list(Listing<R, T> listing, Caller.Worker worker, String status, Integer limit, String after) {
        if (status != null && !status.equals("open") && !status.equals("done")) {
            return Mono.error(ApiProblem.invalid("status", "must be open or done"));
        }
        int size = Cursor.limit(limit);
        CreationCursor cursor = CreationCursor.parse(Cursor.decode(after));
        String task = listing.alias();
        return db.sql("SELECT " + listing.columns() + " WHERE " + task + ".node_id = :node AND (CAST(:status AS text) IS NULL OR "
                        + task + ".status = :status) AND (CAST(:afterAt AS timestamptz) IS NULL OR (" + task + ".created_at, " + task
                        + ".id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))) ORDER BY " + task + ".created_at, " + task
                        + ".id LIMIT :limit")
                .bind("node", worker.nodeId()).bind("status", Params.nullable(status, String.class))
                .bind("afterAt", Params.nullable(cursor == null ? null : cursor.createdAt(), OffsetDateTime.class))
                .bind("afterId", Params.nullable(cursor == null ? null : cursor.id(), UUID.class))
                .bind("limit", size + 1)
                .map(listing.row())
                .all().collectList()
                .flatMap(listing.views())
                .map(rows -> Page.of(rows, size, row -> CreationCursor.key(listing.createdAt().apply(row), listing.id().apply(row))));
    }

    /**
     * The task, locked and checked against the scans, in the caller's transaction; a task of another
     * node is not found. The task must be open, the scans must be its source, product and destination,
     * and the units moved no more than the task asked nor than the books show at the source. Locks
     * follow the shared order: the variant's level (a short writes units off the node), then the task.
     */
    Mono<Task> lockAndCheck(Caller.Worker worker, TaskKind kind, UUID taskId, Scan scan) {
        return db.sql("SELECT merchant_id, variant_id FROM " + kind.table + " WHERE id = :task AND node_id = :node")
                .bind("task", taskId).bind("node", worker.nodeId())
                .map(row -> new UUID[] {row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class)})
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(kind.name + " task", taskId)))
                .flatMap(key -> reservations.lock(key[0], List.of(key[1]), List.of(worker.nodeId())).then(locked(kind, taskId)))
                .flatMap(task -> check(kind, task, scan).thenReturn(task));
    }

    /** The task's own columns, before its locations' codes and the units at its source are looked up. */
    private record TaskRow(UUID id, UUID merchantId, UUID nodeId, UUID variantId, UUID lotKey, UUID fromLocationId, UUID toLocationId,
                           int quantity, String status) {

        Task with(Map<UUID, String> codes, int atSource) {
            return new Task(id, merchantId, nodeId, variantId, lotKey, fromLocationId, codes.get(fromLocationId), toLocationId,
                    codes.get(toLocationId), quantity, status, atSource);
        }
    }

    /** The task, locked, with its locations' codes and the units the books show at its source. */
    private Mono<Task> locked(TaskKind kind, UUID taskId) {
        return db.sql("SELECT id, merchant_id, node_id, variant_id, lot_key, from_location_id, to_location_id, quantity, status FROM "
                        + kind.table + " WHERE id = :task FOR UPDATE")
                .bind("task", taskId)
                .map(row -> new TaskRow(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("node_id", UUID.class),
                        row.get("variant_id", UUID.class), row.get("lot_key", UUID.class), row.get("from_location_id", UUID.class),
                        row.get("to_location_id", UUID.class), row.get("quantity", Integer.class), row.get("status", String.class)))
                .one()
                .flatMap(task -> network.locationsByIds(List.of(task.fromLocationId(), task.toLocationId()))
                        .collectMap(LocationRef::id, LocationRef::code)
                        .flatMap(codes -> shelves.availableAt(task.fromLocationId(), task.variantId(), task.lotKey())
                                .map(atSource -> task.with(codes, atSource))));
    }

    private Mono<Void> check(TaskKind kind, Task task, Scan scan) {
        if (!"open".equals(task.status())) {
            return Mono.error(ApiProblem.of(kind.doneProblem, kind.name + " task " + task.id() + " was confirmed before"));
        }
        if (!task.fromCode().equals(scan.fromLocationCode())) {
            return Mono.error(ApiProblem.of(ProblemType.WRONG_LOCATION, "This task takes units from " + task.fromCode() + ", not from " + scan.fromLocationCode()));
        }
        Mono<Void> rest = Mono.defer(() -> {
            if (!task.toCode().equals(scan.toLocationCode())) {
                return Mono.error(ApiProblem.of(ProblemType.WRONG_DESTINATION, "This task brings units to " + kind.destination + " " + task.toCode() + ", not to " + scan.toLocationCode()));
            }
            if (scan.quantity() > task.quantity()) {
                return Mono.error(ApiProblem.invalid("quantity", "is more than the task's " + task.quantity() + " units"));
            }
            if (scan.quantity() > task.atSource()) {
                return Mono.error(ApiProblem.invalid("quantity", "is more than the " + task.atSource() + " units the books show at "
                        + task.fromCode() + "; count the location"));
            }
            return Mono.empty();
        });
        return refs.variant(task.merchantId(), scan.sku(), scan.gtin(), task.fromLocationId())
                .flatMap(variant -> variant.id().equals(task.variantId()) ? rest
                        : Mono.error(ApiProblem.of(ProblemType.WRONG_PRODUCT, "This task moves another product than " + variant.sku())));
    }

    /**
     * Books the units moved from the source to the destination and marks the task done with them; the
     * units it was short of are written off at the source. Answers the units written off.
     */
    Mono<Integer> carryOut(Caller.Worker worker, TaskKind kind, Task task, int moved) {
        Mono<Void> move = moved == 0 ? Mono.empty() : ledger.post(new Movement(task.merchantId(), task.nodeId(), task.variantId(),
                StockLedger.NO_LOT.equals(task.lotKey()) ? null : task.lotKey(), kind.movement, moved,
                task.fromLocationId(), StockStatus.AVAILABLE, task.toLocationId(), StockStatus.AVAILABLE, null,
                kind.finding.referenceType(), task.id().toString(), worker.actor(), worker.deviceId())).then();
        Mono<Void> mark = db.sql("UPDATE " + kind.table + " SET status = 'done', moved_quantity = :moved, done_by = :actor, done_at = now() "
                        + "WHERE id = :task")
                .bind("moved", moved).bind("actor", worker.actor()).bind("task", task.id()).then();
        int missing = task.quantity() - moved;
        Mono<Integer> writeOff = missing == 0 ? Mono.just(0)
                : missingUnits.writeOff(worker, new Shortage(kind.finding, task.id(), task.merchantId(), task.nodeId(), task.variantId(),
                        task.lotKey(), task.fromLocationId(), kind.emptiesSource ? Shortage.ALL_THERE : missing));
        return move.then(mark).then(writeOff);
    }
}
