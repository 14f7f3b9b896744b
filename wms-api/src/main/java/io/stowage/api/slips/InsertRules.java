package io.stowage.api.slips;

import io.r2dbc.spi.Readable;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.database.Params;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A merchant's insert rules: create, read, replace, delete. The SKU must be one of the merchant's
 * variants; the fields a kind needs ({@code nth_order}, {@code channel}) must be there, and those
 * it does not use must not. A merchant keeps at most {@link #MAX_RULES} rules, so the list needs no
 * pages and a carton close weighs them all in one read.
 */
@Service
class InsertRules {

    static final int MAX_RULES = 50;
    private static final String COLUMNS = "id, kind, sku, quantity, nth_order, channel, once_per, active, description, created_at, updated_at";

    private final DatabaseClient db;
    private final Variants variants;

    InsertRules(DatabaseClient db, Variants variants) {
        this.db = db;
        this.variants = variants;
    }

    /** A rule as the merchant sends it, defaults applied: one unit, once per order, active. */
    record Draft(InsertRule.Kind kind, String sku, int quantity, Integer nthOrder, String channel, InsertRule.OncePer oncePer,
                 boolean active, String description) {
    }

    /** A rule with the variant it inserts, as the carton close needs it. */
    record Stored(InsertRule rule, UUID variantId) {
    }

    Mono<InsertRule> create(UUID merchantId, Draft draft) {
        return checked(merchantId, draft)
                .flatMap(variant -> db.sql("SELECT count(*) AS n FROM insert_rules WHERE merchant_id = :merchant")
                        .bind("merchant", merchantId)
                        .map(row -> row.get("n", Long.class)).one()
                        .flatMap(count -> count >= MAX_RULES
                                ? Mono.error(ApiProblem.of(ProblemType.TOO_MANY_INSERT_RULES,
                                        "A merchant may have at most " + MAX_RULES + " insert rules; delete or change one instead"))
                                : bind(db.sql("INSERT INTO insert_rules (merchant_id, kind, variant_id, sku, quantity, nth_order, channel, once_per, "
                                        + "active, description) VALUES (:merchant, :kind, :variant, :sku, :quantity, :nth, :channel, :oncePer, "
                                        + ":active, :description) RETURNING " + COLUMNS), merchantId, draft, variant)
                                .map(InsertRules::rule).one()));
    }

    Mono<List<InsertRule>> list(UUID merchantId) {
        return db.sql("SELECT " + COLUMNS + " FROM insert_rules WHERE merchant_id = :merchant ORDER BY created_at, id")
                .bind("merchant", merchantId)
                .map(InsertRules::rule).all().collectList();
    }

    Mono<InsertRule> get(UUID merchantId, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM insert_rules WHERE id = :id AND merchant_id = :merchant")
                .bind("id", id).bind("merchant", merchantId)
                .map(InsertRules::rule).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Insert rule", id)));
    }

    /** Replaces the whole rule; what inserts it already put into cartons stays as it was. */
    Mono<InsertRule> replace(UUID merchantId, UUID id, Draft draft) {
        return get(merchantId, id)
                .then(checked(merchantId, draft))
                .flatMap(variant -> bind(db.sql("UPDATE insert_rules SET kind = :kind, variant_id = :variant, sku = :sku, quantity = :quantity, "
                                + "nth_order = :nth, channel = :channel, once_per = :oncePer, active = :active, description = :description, "
                                + "updated_at = now() WHERE id = :id AND merchant_id = :merchant RETURNING " + COLUMNS).bind("id", id),
                        merchantId, draft, variant)
                        .map(InsertRules::rule).one());
    }

    Mono<Void> delete(UUID merchantId, UUID id) {
        return db.sql("DELETE FROM insert_rules WHERE id = :id AND merchant_id = :merchant")
                .bind("id", id).bind("merchant", merchantId)
                .fetch().rowsUpdated()
                .flatMap(deleted -> deleted == 1 ? Mono.<Void>empty() : Mono.error(ApiProblem.notFound("Insert rule", id)));
    }

    /** The merchant's active rules, oldest first, for a carton close. */
    Mono<List<Stored>> active(UUID merchantId) {
        return db.sql("SELECT " + COLUMNS + ", variant_id FROM insert_rules WHERE merchant_id = :merchant AND active ORDER BY created_at, id")
                .bind("merchant", merchantId)
                .map(row -> new Stored(rule(row), row.get("variant_id", UUID.class)))
                .all().collectList();
    }

    /** Every problem of the draft at once; then the variant it names. */
    private Mono<VariantRef> checked(UUID merchantId, Draft draft) {
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        if (draft.kind() == InsertRule.Kind.NTH_ORDER && draft.nthOrder() == null) {
            problems.add(new ApiProblem.FieldProblem("nth_order", "is required for an nth_order rule: which of the customer's orders gets it"));
        }
        if (draft.kind() != InsertRule.Kind.NTH_ORDER && draft.nthOrder() != null) {
            problems.add(new ApiProblem.FieldProblem("nth_order", "only an nth_order rule counts the customer's orders"));
        }
        if (draft.kind() == InsertRule.Kind.CHANNEL && draft.channel() == null) {
            problems.add(new ApiProblem.FieldProblem("channel", "is required for a channel rule"));
        }
        return variants.bySku(merchantId, draft.sku()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(variant -> {
                    if (variant.isEmpty()) {
                        problems.add(new ApiProblem.FieldProblem("sku", "no variant has the SKU " + draft.sku()));
                    }
                    return problems.isEmpty() ? Mono.just(variant.get())
                            : Mono.error(ApiProblem.invalid(problems.size() + " field(s) of the rule are wrong", problems));
                });
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec sql, UUID merchantId, Draft draft, VariantRef variant) {
        return sql.bind("merchant", merchantId).bind("kind", draft.kind().db()).bind("variant", variant.id()).bind("sku", variant.sku())
                .bind("quantity", draft.quantity()).bind("nth", Params.nullable(draft.nthOrder(), Integer.class))
                .bind("channel", Params.nullable(draft.channel(), String.class)).bind("oncePer", draft.oncePer().db())
                .bind("active", draft.active()).bind("description", Params.nullable(draft.description(), String.class));
    }

    private static InsertRule rule(Readable row) {
        return new InsertRule(row.get("id", UUID.class), InsertRule.Kind.fromDb(row.get("kind", String.class)), row.get("sku", String.class),
                row.get("quantity", Integer.class), row.get("nth_order", Integer.class), row.get("channel", String.class),
                InsertRule.OncePer.fromDb(row.get("once_per", String.class)), Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("description", String.class), row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
    }
}
