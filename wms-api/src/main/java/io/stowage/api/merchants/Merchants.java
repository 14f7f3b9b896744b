package io.stowage.api.merchants;

import io.r2dbc.spi.Readable;
import io.stowage.api.Published;
import io.stowage.api.access.ApiKeys;
import io.stowage.api.commands.Commands;
import io.stowage.api.database.Params;
import io.stowage.api.database.RecentReads;
import io.stowage.api.paging.CreationCursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The 3PL's clients. A merchant is created by the admin together with its first API key. */
@Service
@Published
public class Merchants {

    private final DatabaseClient db;
    private final ApiKeys apiKeys;
    private final TransactionalOperator tx;
    private final RecentReads<UUID, Boolean> recentShipFromStore = new RecentReads<>(Duration.ofSeconds(5));

    public Merchants(DatabaseClient db, ApiKeys apiKeys, TransactionalOperator tx) {
        this.db = db;
        this.apiKeys = apiKeys;
        this.tx = tx;
    }

    /**
     * @param brandName   the name the merchant's customers know it by on the tracking and return pages, or null for {@code name}
     * @param brandColour its colour on those pages, lower-case {@code #rrggbb}, or null for the pages' own
     */
    public record Merchant(UUID id, String name, String gs1CompanyPrefix, boolean shipFromStore, String brandName, String brandColour,
                           OffsetDateTime createdAt) {
    }

    public record NewMerchant(String name, String gs1CompanyPrefix, boolean shipFromStore, String brandName, String brandColour) {

        public NewMerchant(String name, String gs1CompanyPrefix, boolean shipFromStore) {
            this(name, gs1CompanyPrefix, shipFromStore, null, null);
        }
    }

    /** How the merchant shows itself to its customers: the name they know and its colour (null for the pages' own). */
    public record Branding(UUID merchantId, String name, String colour) {
    }

    public record CreatedMerchant(Merchant merchant, ApiKeys.IssuedApiKey apiKey) {
    }

    public Mono<CreatedMerchant> create(NewMerchant request) {
        return db.sql("""
                        INSERT INTO merchants (name, gs1_company_prefix, ship_from_store, brand_name, brand_colour)
                        VALUES (:name, :prefix, :shipFromStore, :brandName, :brandColour)
                        RETURNING
                        """ + COLUMNS)
                .bind("name", request.name())
                .bind("prefix", Params.nullable(request.gs1CompanyPrefix(), String.class))
                .bind("shipFromStore", request.shipFromStore())
                .bind("brandName", Params.nullable(request.brandName(), String.class))
                .bind("brandColour", Params.nullable(lowerCase(request.brandColour()), String.class))
                .map(Merchants::merchant)
                .one()
                .flatMap(merchant -> apiKeys.issue(merchant.id(), "default").map(key -> new CreatedMerchant(merchant, key)))
                .as(tx::transactional);
    }

    /** A partial change by the admin; absent fields stay as they are. */
    public record MerchantChange(String name, String gs1CompanyPrefix, Boolean shipFromStore, String brandName, String brandColour) {

        public MerchantChange(String name, String gs1CompanyPrefix, Boolean shipFromStore) {
            this(name, gs1CompanyPrefix, shipFromStore, null, null);
        }
    }

    public Mono<Merchant> update(UUID id, MerchantChange change) {
        return db.sql("""
                        UPDATE merchants SET name = coalesce(:name, name),
                                             gs1_company_prefix = coalesce(:prefix, gs1_company_prefix),
                                             ship_from_store = coalesce(:shipFromStore, ship_from_store),
                                             brand_name = coalesce(:brandName, brand_name),
                                             brand_colour = coalesce(:brandColour, brand_colour)
                        WHERE id = :id
                        RETURNING
                        """ + COLUMNS)
                .bind("name", Params.nullable(change.name(), String.class))
                .bind("prefix", Params.nullable(change.gs1CompanyPrefix(), String.class))
                .bind("shipFromStore", Params.nullable(change.shipFromStore(), Boolean.class))
                .bind("brandName", Params.nullable(change.brandName(), String.class))
                .bind("brandColour", Params.nullable(lowerCase(change.brandColour()), String.class))
                .bind("id", id)
                .map(Merchants::merchant).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Merchant", id)))
                .flatMap(merchant -> Commands.afterCommit(() -> recentShipFromStore.forget(id)).thenReturn(merchant));
    }

    /**
     * Whether the merchant's orders may ship from its own stores, for routing every order: as read in
     * the last few seconds (a change made on this instance counts at once, one made on another
     * instance within five seconds).
     */
    public Mono<Boolean> shipsFromStore(UUID id) {
        return recentShipFromStore.get(id, () -> get(id).map(Merchant::shipFromStore));
    }

    /** Merchants in the order they joined. */
    public Mono<Page<Merchant>> list(String afterKey, int limit) {
        CreationCursor after = CreationCursor.parse(afterKey);
        return db.sql("""
                        SELECT
                        """ + COLUMNS + """
                        FROM merchants
                        WHERE CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))
                        ORDER BY created_at, id LIMIT :limit
                        """)
                .bind("afterAt", Params.nullable(after == null ? null : after.createdAt(), OffsetDateTime.class))
                .bind("afterId", Params.nullable(after == null ? null : after.id(), UUID.class))
                .bind("limit", limit + 1)
                .map(Merchants::merchant).all().collectList()
                .map(rows -> Page.of(rows, limit, merchant -> CreationCursor.key(merchant.createdAt(), merchant.id())));
    }

    public Mono<Merchant> get(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM merchants WHERE id = :id")
                .bind("id", id).map(Merchants::merchant).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Merchant", id)));
    }

    /** How the merchant shows itself on its customers' pages; empty when there is no such merchant. */
    public Mono<Branding> branding(UUID id) {
        return db.sql("SELECT id, coalesce(brand_name, name) AS brand_name, brand_colour FROM merchants WHERE id = :id")
                .bind("id", id)
                .map(row -> new Branding(row.get("id", UUID.class), row.get("brand_name", String.class), row.get("brand_colour", String.class)))
                .one();
    }

    /** Whether a merchant has this id: for features that refer to one (a store node belongs to one). */
    public Mono<Boolean> exists(UUID id) {
        return db.sql("SELECT 1 FROM merchants WHERE id = :id").bind("id", id).map(row -> true).one().defaultIfEmpty(false);
    }

    /** The names of the merchants with these ids, in one query (unknown ids are missing): for features that sign their own rows with it. */
    public Mono<Map<UUID, String>> names(Collection<UUID> ids) {
        return db.sql("SELECT id, name FROM merchants WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("id", UUID.class), row.get("name", String.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Whether any merchant exists yet: the demo loads only into an empty service. */
    public Mono<Boolean> anyExists() {
        return db.sql("SELECT EXISTS (SELECT 1 FROM merchants) AS any").map(row -> Boolean.TRUE.equals(row.get("any", Boolean.class))).one();
    }

    /** The columns of {@link Merchant}, with a space on each side so that a statement may put them between any two words. */
    private static final String COLUMNS = " id, name, gs1_company_prefix, ship_from_store, brand_name, brand_colour, created_at ";

    private static Merchant merchant(Readable row) {
        return new Merchant(row.get("id", UUID.class), row.get("name", String.class), row.get("gs1_company_prefix", String.class),
                Boolean.TRUE.equals(row.get("ship_from_store", Boolean.class)), row.get("brand_name", String.class),
                row.get("brand_colour", String.class), row.get("created_at", OffsetDateTime.class));
    }

    private static String lowerCase(String colour) {
        return colour == null ? null : colour.toLowerCase(java.util.Locale.ROOT);
    }
}
