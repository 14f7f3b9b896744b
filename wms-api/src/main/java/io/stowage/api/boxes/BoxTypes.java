package io.stowage.api.boxes;

import io.stowage.api.Published;
import io.stowage.api.network.Network;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Box types of one owner: a merchant, or the 3PL ({@code owner} null) whose boxes every merchant may
 * use. An owner changes only its own box types; a merchant's box of a 3PL box's code shadows it.
 * Published for the demo data, which sets up the demo's boxes as the API would.
 */
@Component
@Published
public class BoxTypes {

    private final DatabaseClient db;
    private final BoxTypeStore store;
    private final BoxStock stock;
    private final Network network;

    public BoxTypes(DatabaseClient db, BoxTypeStore store, BoxStock stock, Network network) {
        this.db = db;
        this.store = store;
        this.stock = stock;
        this.network = network;
    }

    /** Creates (201) or replaces (200) the owner's box type; replacing a retired one brings it back. */
    public Mono<ResponseEntity<BoxTypeView>> save(UUID owner, String code, BoxTypeInput input) {
        return Mono.fromRunnable(() -> {
                    BoxCodes.check(code);
                    if (input.maxWeightGrams() <= input.tareGrams()) {
                        throw ApiProblem.invalid("max_weight_grams", "must be more than the tare (" + input.tareGrams()
                                + " g): it is what the packed carton may weigh, box included");
                    }
                })
                .then(db.sql("""
                                INSERT INTO box_types (merchant_id, code, name, inner_length_mm, inner_width_mm, inner_height_mm, tare_g,
                                                       max_weight_g, max_fill_percent, cost_minor, currency)
                                VALUES (CAST(:owner AS uuid), :code, :name, :length, :width, :height, :tare, :maxWeight, :fill, :cost, :currency)
                                ON CONFLICT %s DO UPDATE
                                    SET name = excluded.name, inner_length_mm = excluded.inner_length_mm,
                                        inner_width_mm = excluded.inner_width_mm, inner_height_mm = excluded.inner_height_mm,
                                        tare_g = excluded.tare_g, max_weight_g = excluded.max_weight_g,
                                        max_fill_percent = excluded.max_fill_percent, cost_minor = excluded.cost_minor,
                                        currency = excluded.currency, active = true, updated_at = now()
                                RETURNING id, (xmax = 0) AS created
                                """.formatted(owner == null ? "(code) WHERE merchant_id IS NULL" : "(merchant_id, code) WHERE merchant_id IS NOT NULL"))
                        .bind("owner", io.stowage.api.database.Params.nullable(owner, UUID.class))
                        .bind("code", code).bind("name", input.name().strip())
                        .bind("length", input.innerLengthMm()).bind("width", input.innerWidthMm()).bind("height", input.innerHeightMm())
                        .bind("tare", input.tareGrams()).bind("maxWeight", input.maxWeightGrams()).bind("fill", input.fillPercent())
                        .bind("cost", input.costMinor()).bind("currency", input.currency())
                        .map(row -> Boolean.TRUE.equals(row.get("created", Boolean.class)))
                        .one())
                .flatMap(created -> owned(owner, code)
                        .map(view -> ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view)));
    }

    /** The owner's own box type; a code the owner does not have (another merchant's, or the 3PL's for a merchant) is not found. */
    Mono<BoxTypeView> owned(UUID owner, String code) {
        return ownedRow(owner, code).flatMap(this::view);
    }

    /** The box type this code names for the merchant: its own, else the 3PL's. */
    Mono<BoxTypeView> usable(UUID merchantId, String code) {
        return store.byCode(merchantId, code)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Box type", code)))
                .flatMap(this::view);
    }

    Mono<Page<BoxTypeView>> page(UUID merchantIdOrNull, String after, Integer limit) {
        int rows = Cursor.limit(limit);
        return store.page(merchantIdOrNull, Cursor.decode(after), rows + 1)
                .concatMap(this::view)
                .collectList()
                .map(views -> Page.of(views, rows, BoxTypeView::code));
    }

    /** Retires the owner's box type: no longer offered; its stock history stays. */
    Mono<Void> retire(UUID owner, String code) {
        return ownedRow(owner, code)
                .flatMap(row -> db.sql("UPDATE box_types SET active = false, updated_at = now() WHERE id = :id AND active")
                        .bind("id", row.id()).then());
    }

    /** Changes the owner's box stock at a node. */
    public Mono<BoxTypeView.NodeStock> adjustStock(UUID owner, String code, StockAdjustment adjustment, String actor) {
        return ownedRow(owner, code)
                .flatMap(row -> network.node(adjustment.nodeCode())
                        .onErrorMap(ApiProblem.class, notFound -> ApiProblem.invalid("node_code", "no node has the code " + adjustment.nodeCode()))
                        .flatMap(node -> stock.adjust(row.id(), node.id(), node.code(), adjustment, actor)));
    }

    /** The owner's box type's stock changes, newest first. */
    Mono<Page<StockMovement>> movements(UUID owner, String code, String after, Integer limit) {
        long before = Cursor.positionBefore(after);
        int rows = Cursor.limit(limit);
        return ownedRow(owner, code).flatMap(row -> stock.movements(row.id(), before, rows));
    }

    private Mono<BoxTypeStore.Row> ownedRow(UUID owner, String code) {
        return store.owned(owner, code).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Box type", code)));
    }

    private Mono<BoxTypeView> view(BoxTypeStore.Row row) {
        return stock.of(row.id()).collectList().map(nodes -> BoxTypeView.of(row.boxType(), List.copyOf(nodes)));
    }
}
