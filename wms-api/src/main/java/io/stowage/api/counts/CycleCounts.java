package io.stowage.api.counts;

import io.stowage.api.access.Caller;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockRefs;
import io.stowage.api.inventory.LotNumbers;
import io.stowage.api.inventory.ShelfStock;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.database.Params;
import io.stowage.api.merchants.Merchants;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
    private final ShelfStock shelves;
    private final LotNumbers lots;
    private final Network network;
    private final Variants variants;
    private final Merchants merchants;

    public CycleCounts(DatabaseClient db, StockRefs refs, StockLedger ledger, ShelfStock shelves, LotNumbers lots, Network network,
                       Variants variants, Merchants merchants) {
        this.db = db;
        this.refs = refs;
        this.ledger = ledger;
        this.shelves = shelves;
        this.lots = lots;
        this.network = network;
        this.variants = variants;
        this.merchants = merchants;
    }

    /**
     * What the counter sees: where to count, never how many to expect.
     *
     * @param requestedByMerchantId the merchant that asked for this count (and is billed for it), null for the 3PL's own counts
     */
    public record CountTask(UUID id, String locationCode, String status, OffsetDateTime createdAt, UUID requestedByMerchantId) {
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

    /**
     * Opens a task per location; {@code requestedByMerchantId}, when given, marks every one of them as
     * a count that merchant asked for (billed to it once approved). An unknown merchant writes nothing.
     */
    public Mono<List<CountTask>> open(Caller.Worker supervisor, List<String> locationCodes, UUID requestedByMerchantId) {
        Mono<Boolean> known = requestedByMerchantId == null ? Mono.just(true) : merchants.exists(requestedByMerchantId);
        return known.flatMap(exists -> exists ? Mono.empty()
                        : Mono.error(ApiProblem.invalid("requested_by_merchant_id", "no merchant has the id " + requestedByMerchantId)))
                .thenMany(Flux.fromIterable(locationCodes.stream().distinct().toList()))
                .concatMap(code -> refs.location(supervisor.nodeId(), "location_codes", code))
                .concatMap(location -> db.sql("""
                                INSERT INTO count_tasks (node_id, location_id, status, created_by, requested_by_merchant_id)
                                VALUES (:node, :location, 'open', :actor, :merchant)
                                RETURNING id, status, created_at
                                """)
                        .bind("node", supervisor.nodeId()).bind("location", location.id()).bind("actor", supervisor.actor())
                        .bind("merchant", Params.nullable(requestedByMerchantId, UUID.class))
                        .map(row -> new CountTask(row.get("id", UUID.class), location.code(), row.get("status", String.class),
                                row.get("created_at", OffsetDateTime.class), requestedByMerchantId))
                        .one())
                .collectList();
    }

    /**
     * The node's count tasks in one status, by location code. The codes are network's, so the page is
     * cut here from the node's tasks in that status (at most one or two per location).
     */
    public Mono<Page<CountTask>> list(Caller.Worker worker, String status, String afterKey, int limit) {
        return db.sql("""
                        SELECT id, location_id, status, created_at, requested_by_merchant_id FROM count_tasks WHERE node_id = :node AND status = :status
                        """)
                .bind("node", worker.nodeId()).bind("status", status)
                .map(row -> Map.entry(row.get("location_id", UUID.class), new CountTask(row.get("id", UUID.class), null,
                        row.get("status", String.class), row.get("created_at", OffsetDateTime.class), row.get("requested_by_merchant_id", UUID.class))))
                .all().collectList()
                .flatMap(rows -> network.locationsByIds(rows.stream().map(Map.Entry::getKey).collect(Collectors.toSet()))
                        .collectMap(LocationRef::id, LocationRef::code)
                        .map(codes -> rows.stream()
                                .map(row -> new CountTask(row.getValue().id(), codes.get(row.getKey()), row.getValue().status(), row.getValue().createdAt(),
                                        row.getValue().requestedByMerchantId()))
                                .filter(task -> pageKey(task).compareTo(afterKey) > 0)
                                .sorted(Comparator.comparing(CycleCounts::pageKey))
                                .limit(limit + 1L)
                                .toList()))
                .map(rows -> Page.of(rows, limit, CycleCounts::pageKey));
    }

    private static String pageKey(CountTask task) {
        return task.locationCode() + "/" + task.id();
    }

    /** Records a blind count; what the system expected is snapshotted now, at the moment of counting. */
    public Mono<CountTask> count(Caller.Worker counter, UUID taskId, List<CountedItem> items) {
        return task(counter, taskId, true).flatMap(task -> {
            if (!"open".equals(task.status())) {
                return Mono.error(ApiProblem.of(ProblemType.COUNT_NOT_OPEN, "This count task is " + task.status()));
            }
            Mono<Map<Key, Integer>> expected = shelves.availableAt(task.locationId())
                    .map(held -> {
                        Map<Key, Integer> byKey = new LinkedHashMap<>();
                        held.forEach(units -> byKey.put(new Key(units.merchantId(), units.variantId(), units.lotKey()), units.onHand()));
                        return byKey;
                    });
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
                        .then(db.sql("""
                                        UPDATE count_tasks SET status = 'counted', counted_by = :actor, counted_at = now() WHERE id = :id
                                        RETURNING created_at, requested_by_merchant_id
                                        """)
                                .bind("actor", counter.actor()).bind("id", taskId)
                                .map(row -> new CountTask(taskId, task.locationCode(), "counted", row.get("created_at", OffsetDateTime.class),
                                        row.get("requested_by_merchant_id", UUID.class)))
                                .one());
            });
        });
    }

    public Mono<Review> review(Caller.Worker supervisor, UUID taskId) {
        return task(supervisor, taskId, false).flatMap(task -> db.sql("SELECT counted_by, counted_at, decided_by FROM count_tasks WHERE id = :id")
                .bind("id", taskId)
                .map(row -> new Review(taskId, task.locationCode(), task.status(), row.get("counted_by", String.class),
                        row.get("counted_at", OffsetDateTime.class), row.get("decided_by", String.class), List.of()))
                .one()
                .zipWith(reviewLines(taskId), (review, lines) -> new Review(review.id(), review.locationCode(), review.status(),
                        review.countedBy(), review.countedAt(), review.decidedBy(), lines)));
    }

    /** The task's lines by SKU, then lot number (lines without a lot last), with SKUs and lot numbers from their owners. */
    private Mono<List<ReviewLine>> reviewLines(UUID taskId) {
        return db.sql("SELECT variant_id, lot_key, expected, counted FROM count_lines WHERE count_task_id = :id")
                .bind("id", taskId)
                .map(row -> new Object[] {row.get("variant_id", UUID.class), row.get("lot_key", UUID.class),
                        row.get("expected", Integer.class), row.get("counted", Integer.class)})
                .all().collectList()
                .flatMap(rows -> {
                    Set<UUID> variantIds = rows.stream().map(row -> (UUID) row[0]).collect(Collectors.toSet());
                    Set<UUID> lotIds = rows.stream().map(row -> (UUID) row[1]).collect(Collectors.toSet());
                    Mono<Map<UUID, String>> skus = variantIds.isEmpty() ? Mono.just(Map.of())
                            : variants.byIds(variantIds).collectMap(VariantRef::id, VariantRef::sku);
                    return skus.zipWith(lots.of(lotIds), (skuOf, lotOf) -> rows.stream()
                            .map(row -> new ReviewLine(skuOf.get((UUID) row[0]),
                                    lotOf.containsKey((UUID) row[1]) ? lotOf.get((UUID) row[1]).lotNumber() : null,
                                    (Integer) row[2], (Integer) row[3], (Integer) row[3] - (Integer) row[2]))
                            .sorted(Comparator.comparing(ReviewLine::sku)
                                    .thenComparing(ReviewLine::lotNumber, Comparator.nullsLast(Comparator.naturalOrder())))
                            .toList());
                });
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
        return db.sql("SELECT id, node_id, location_id, status FROM count_tasks WHERE id = :id AND node_id = :node" + (lock ? " FOR UPDATE" : ""))
                .bind("id", taskId).bind("node", worker.nodeId())
                .map(row -> new TaskRow(row.get("id", UUID.class), row.get("node_id", UUID.class), row.get("location_id", UUID.class),
                        null, row.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Count task", taskId)))
                .flatMap(task -> network.location(task.locationId())
                        .map(location -> new TaskRow(task.id(), task.nodeId(), task.locationId(), location.code(), task.status())));
    }
}
