package io.stowage.api.availability;

import io.r2dbc.spi.Readable;
import io.stowage.api.Published;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.database.Params;
import io.stowage.api.paging.CreationCursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Shoppers who asked to hear when a variant is back. Asking twice for the same variant keeps one
 * waiting subscription; the ledger writes the {@code variant.back_in_stock} event when it happens.
 */
@Service
@Published
public class BackInStock {

    private final DatabaseClient db;
    private final Variants variants;

    public BackInStock(DatabaseClient db, Variants variants) {
        this.db = db;
        this.variants = variants;
    }

    public record Subscription(UUID id, String sku, String email, OffsetDateTime createdAt, OffsetDateTime notifiedAt) {
    }

    /** A shopper who was waiting for a variant, as the notifier tells them. */
    public record Waiting(UUID subscriptionId, String email, OffsetDateTime subscribedAt) {
    }

    /**
     * Marks the shoppers waiting for the merchant's variant notified and answers who they were: a
     * command for the back-in-stock notifier, in its transaction, so that each is told once.
     */
    public Mono<List<Waiting>> markNotified(UUID merchantId, UUID variantId) {
        return db.sql("""
                        UPDATE back_in_stock_subscriptions SET notified_at = now()
                        WHERE merchant_id = :merchant AND variant_id = :variant AND notified_at IS NULL
                        RETURNING id, email, created_at
                        """)
                .bind("merchant", merchantId).bind("variant", variantId)
                .map(row -> new Waiting(row.get("id", UUID.class), row.get("email", String.class), row.get("created_at", OffsetDateTime.class)))
                .all().collectList();
    }

    public Mono<Subscription> subscribe(UUID merchantId, String sku, String email) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        return variants.bySku(merchantId, sku).map(VariantRef::id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalid("sku", "no variant has the SKU " + sku)))
                .flatMap(variantId -> db.sql("""
                                INSERT INTO back_in_stock_subscriptions (merchant_id, variant_id, email)
                                VALUES (:merchant, :variant, :email)
                                ON CONFLICT (variant_id, email) WHERE notified_at IS NULL DO NOTHING
                                """)
                        .bind("merchant", merchantId).bind("variant", variantId).bind("email", normalized)
                        .then()
                        .then(db.sql("""
                                        SELECT s.id, s.email, s.created_at, s.notified_at
                                        FROM back_in_stock_subscriptions s
                                        WHERE s.merchant_id = :merchant AND s.variant_id = :variant AND s.email = :email AND s.notified_at IS NULL
                                        """)
                                .bind("merchant", merchantId).bind("variant", variantId).bind("email", normalized)
                                .map(row -> subscription(sku, row)).one()));
    }

    /** A variant's subscriptions in the order shoppers asked. */
    public Mono<Page<Subscription>> forSku(UUID merchantId, String sku, String afterKey, int limit) {
        CreationCursor after = CreationCursor.parse(afterKey);
        return variants.bySku(merchantId, sku).map(VariantRef::id)
                .flatMap(variantId -> db.sql("""
                                SELECT s.id, s.email, s.created_at, s.notified_at
                                FROM back_in_stock_subscriptions s
                                WHERE s.merchant_id = :merchant AND s.variant_id = :variant
                                  AND (CAST(:afterAt AS timestamptz) IS NULL OR (s.created_at, s.id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                                ORDER BY s.created_at, s.id LIMIT :limit
                                """)
                        .bind("merchant", merchantId).bind("variant", variantId)
                        .bind("afterAt", Params.nullable(after == null ? null : after.createdAt(), OffsetDateTime.class))
                        .bind("afterId", Params.nullable(after == null ? null : after.id(), UUID.class))
                        .bind("limit", limit + 1)
                        .map(row -> subscription(sku, row)).all().collectList())
                .defaultIfEmpty(List.of())
                .map(rows -> Page.of(rows, limit, subscription -> CreationCursor.key(subscription.createdAt(), subscription.id())));
    }

    public Mono<Void> cancel(UUID merchantId, UUID id) {
        return db.sql("DELETE FROM back_in_stock_subscriptions WHERE id = :id AND merchant_id = :merchant AND notified_at IS NULL")
                .bind("id", id).bind("merchant", merchantId)
                .fetch().rowsUpdated()
                .flatMap(deleted -> deleted == 1 ? Mono.<Void>empty() : Mono.error(ApiProblem.notFound("Subscription", id)));
    }

    private static Subscription subscription(String sku, Readable row) {
        return new Subscription(row.get("id", UUID.class), sku, row.get("email", String.class),
                row.get("created_at", OffsetDateTime.class), row.get("notified_at", OffsetDateTime.class));
    }
}
