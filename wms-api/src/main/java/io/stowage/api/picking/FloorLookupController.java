package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.catalog.VariantDescriptions;
import io.stowage.api.problem.ApiProblem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Two reads for the handheld. A picker's screen names the product, its size and colour, not only the
 * SKU: the items of a batch, described by the catalog. A packer scans a tote, whose number alone is
 * not unique (totes are numbered per batch): the batches of the node whose tote of that number holds
 * picked units, newest first, so the packer can tell which cart it came from.
 */
@RestController
class FloorLookupController {

    private static final int TOTE_BATCHES = 5;

    /** A variant of the batch as the picker's screen describes it. */
    record BatchItem(String sku, String name, String productName, Map<String, String> attributes, String altText, String imageUrl) {
    }

    /** A batch whose tote holds picked units: when it was last picked into, by whom, and for how many orders. */
    record ToteBatch(UUID batchId, int tote, int units, int orders, String pickedBy, OffsetDateTime lastPickedAt) {
    }

    private final DatabaseClient db;
    private final VariantDescriptions descriptions;

    FloorLookupController(DatabaseClient db, VariantDescriptions descriptions) {
        this.db = db;
        this.descriptions = descriptions;
    }

    @GetMapping("/api/v1/pick-batches/{id}/items")
    Mono<List<BatchItem>> items(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Caller.Worker worker = caller.asWorker(WorkerRole.PICKER, WorkerRole.SUPERVISOR);
        return db.sql("SELECT DISTINCT variant_id FROM pick_tasks WHERE batch_id = :batch AND node_id = :node")
                .bind("batch", id).bind("node", worker.nodeId())
                .map(row -> row.get("variant_id", UUID.class)).all().collectList()
                .flatMap(variantIds -> variantIds.isEmpty() ? Mono.error(ApiProblem.notFound("Pick batch", id))
                        : descriptions.of(variantIds)
                                .map(d -> new BatchItem(d.sku(), d.name(), d.productName(), d.attributes(), d.altText(), d.imageUrl()))
                                .sort(java.util.Comparator.comparing(BatchItem::sku))
                                .collectList());
    }

    @GetMapping("/api/v1/totes/{tote}/batches")
    Mono<List<ToteBatch>> toteBatches(@AuthenticationPrincipal Caller caller, @PathVariable int tote) {
        Caller.Worker worker = caller.asWorker(WorkerRole.PACKER, WorkerRole.SUPERVISOR);
        if (tote <= 0) {
            return Mono.error(ApiProblem.invalid("tote", "must be a positive number"));
        }
        return db.sql("""
                        SELECT batch_id, sum(picked_quantity - lost_quantity) AS units, count(DISTINCT order_id) AS orders,
                               max(picked_by) AS picked_by, max(picked_at) AS last_picked_at
                        FROM pick_tasks
                        WHERE node_id = :node AND tote = :tote AND status IN ('picked', 'short') AND picked_quantity > lost_quantity
                        GROUP BY batch_id
                        ORDER BY max(picked_at) DESC, batch_id
                        LIMIT :limit
                        """)
                .bind("node", worker.nodeId()).bind("tote", tote).bind("limit", TOTE_BATCHES)
                .map(row -> new ToteBatch(row.get("batch_id", UUID.class), tote, row.get("units", Number.class).intValue(),
                        row.get("orders", Number.class).intValue(), row.get("picked_by", String.class),
                        row.get("last_picked_at", OffsetDateTime.class)))
                .all().collectList();
    }
}
