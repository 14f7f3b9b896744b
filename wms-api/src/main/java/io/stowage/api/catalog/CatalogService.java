package io.stowage.api.catalog;

import io.stowage.api.Published;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.barcodes.gs1.Gtin;
import io.stowage.barcodes.gs1.InvalidBarcodeException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A merchant's catalog: products, their variants, GTINs and alternatives. Every write checks the
 * whole request first and then writes in one transaction, so bad input leaves nothing behind.
 */
@Service
@Published
public class CatalogService {

    /** Larger catalogs are imported in several requests, each all-or-nothing. */
    static final int MAX_IMPORT_VARIANTS = 50_000;

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final CatalogValidator validator;
    private final CatalogWriter writer;
    private final CatalogQueries queries;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final StockHistory stockHistory;

    public CatalogService(CatalogValidator validator, CatalogWriter writer, CatalogQueries queries, DatabaseClient db,
                          TransactionalOperator tx, StockHistory stockHistory) {
        this.validator = validator;
        this.writer = writer;
        this.queries = queries;
        this.db = db;
        this.tx = tx;
        this.stockHistory = stockHistory;
    }

    /** Creates or replaces one product and the variants it lists; unlisted variants stay and are reported. */
    public Mono<ProductSaved> saveProduct(UUID merchantId, String productCode, ProductInput input) {
        return Mono.defer(() -> validator.validate(merchantId, CatalogDraft.of(productCode, input), new FieldErrors()))
                .flatMap(batch -> writer.write(merchantId, batch)
                        .flatMap(summary -> queries.product(merchantId, productCode)
                                .zipWith(queries.otherSkus(merchantId, productCode,
                                        batch.variants().stream().map(CatalogBatch.Variant::sku).toList()))
                                .map(saved -> new ProductSaved(summary.productsCreated() == 1, saved.getT1(),
                                        summary.variantsCreated(), summary.variantsUpdated(), summary.variantsUnchanged(),
                                        saved.getT2()))))
                .as(tx::transactional);
    }

    /** Upserts every product of a JSON import, or nothing. */
    public Mono<ImportSummary> importProducts(UUID merchantId, ImportInput input) {
        return Mono.defer(() -> importDraft(merchantId, CatalogDraft.of(input), new FieldErrors(), "products"))
                .as(tx::transactional);
    }

    /** Upserts every row of a CSV import (see {@link CatalogCsv} for the columns), or nothing. */
    public Mono<ImportSummary> importCsv(UUID merchantId, String csv) {
        return Mono.defer(() -> {
            FieldErrors errors = new FieldErrors();
            return importDraft(merchantId, CatalogCsv.parse(csv, errors), errors, "rows");
        }).as(tx::transactional);
    }

    private Mono<ImportSummary> importDraft(UUID merchantId, CatalogDraft draft, FieldErrors errors, String listName) {
        long started = System.nanoTime();
        int variants = draft.products().stream().mapToInt(p -> p.variants() == null ? 0 : p.variants().size()).sum();
        if (draft.products().isEmpty() && errors.isEmpty()) {
            throw ApiProblem.invalid(listName, "is empty: nothing to import");
        }
        if (variants > MAX_IMPORT_VARIANTS) {
            throw ApiProblem.invalid(listName, "holds " + variants + " variants; import at most " + MAX_IMPORT_VARIANTS
                    + " per request");
        }
        return validator.validate(merchantId, draft, errors)
                .flatMap(batch -> writer.write(merchantId, batch))
                .doOnNext(summary -> log.info("Catalog import for merchant {}: {} variants checked and written in {} ms ({})",
                        merchantId, variants, (System.nanoTime() - started) / 1_000_000, summary));
    }

    public Mono<Product> product(UUID merchantId, String productCode) {
        return queries.product(merchantId, productCode);
    }

    public Mono<Page<Product>> products(UUID merchantId, String after, Integer limit) {
        return Mono.defer(() -> queries.products(merchantId, after, Cursor.limit(limit)));
    }

    public Mono<Variant> variant(UUID merchantId, String sku) {
        return queries.variant(merchantId, sku);
    }

    /**
     * Variants in SKU order; with {@code sku} or {@code gtin} (any of GTIN-8, -12, -13 or -14) only the
     * one it names. The {@code sku} filter also reaches SKUs with a '/', which a path segment cannot carry.
     */
    public Mono<Page<Variant>> variants(UUID merchantId, String sku, String gtin, String after, Integer limit) {
        return Mono.defer(() -> {
            if (sku != null && gtin != null) {
                throw ApiProblem.invalid("gtin", "give either sku or gtin, not both");
            }
            if (sku != null) {
                return queries.variantsBySku(merchantId, sku);
            }
            if (gtin == null) {
                return queries.variants(merchantId, after, Cursor.limit(limit));
            }
            try {
                return queries.variantsByGtin(merchantId, Gtin.parse(gtin).toGtin14());
            } catch (InvalidBarcodeException e) {
                throw ApiProblem.invalid("gtin", e.getMessage());
            }
        });
    }

    /** Replaces the alternatives of one variant with {@code alternatives}, most preferred first. */
    public Mono<Variant> replaceAlternatives(UUID merchantId, String sku, List<String> alternatives) {
        return queries.variant(merchantId, sku)
                .flatMap(variant -> checkAlternatives(merchantId, sku, alternatives)
                        .then(db.sql("DELETE FROM variant_alternatives WHERE variant_id = :variant")
                                .bind("variant", variant.id()).then())
                        .then(db.sql("""
                                        INSERT INTO variant_alternatives (variant_id, alternative_variant_id, rank)
                                        SELECT :variant, v.id, n.rank
                                        FROM unnest(CAST(:skus AS text[])) WITH ORDINALITY AS n(sku, rank)
                                        JOIN variants v ON v.merchant_id = :merchant AND v.sku = n.sku
                                        """)
                                .bind("variant", variant.id()).bind("merchant", merchantId)
                                .bind("skus", alternatives.toArray(String[]::new)).then())
                        .then(db.sql("UPDATE variants SET updated_at = now() WHERE id = :variant").bind("variant", variant.id()).then()))
                .then(Mono.defer(() -> queries.variant(merchantId, sku)))
                .as(tx::transactional);
    }

    private Mono<Void> checkAlternatives(UUID merchantId, String sku, List<String> alternatives) {
        FieldErrors errors = new FieldErrors();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < alternatives.size(); i++) {
            String alternative = alternatives.get(i);
            String path = "alternatives[" + i + "]";
            if (!Skus.isValid(alternative)) {
                errors.add(path, Skus.MESSAGE);
            } else if (alternative.equals(sku)) {
                errors.add(path, "a variant cannot be its own alternative");
            } else if (!seen.add(alternative)) {
                errors.add(path, "SKU " + alternative + " is named twice");
            }
        }
        return db.sql("SELECT sku FROM variants WHERE merchant_id = :merchant AND sku = ANY(:skus)")
                .bind("merchant", merchantId).bind("skus", seen.toArray(String[]::new))
                .map(row -> row.get("sku", String.class))
                .all().collectList()
                .doOnNext(known -> {
                    for (int i = 0; i < alternatives.size(); i++) {
                        String alternative = alternatives.get(i);
                        if (seen.contains(alternative) && !known.contains(alternative)) {
                            errors.add("alternatives[" + i + "]", "SKU " + alternative + " is not in this catalog");
                        }
                    }
                    errors.throwIfAny();
                })
                .then();
    }

    /**
     * Removes a variant that nothing refers to yet. A variant with stock movements, or one that stock,
     * orders or other records refer to, stays: the answer is a 409 problem.
     */
    public Mono<Void> deleteVariant(UUID merchantId, String sku) {
        return queries.variant(merchantId, sku)
                .flatMap(variant -> stockHistory.hasMoved(merchantId, variant.id())
                        .flatMap(moved -> moved
                                ? Mono.error(ApiProblem.of(ProblemType.VARIANT_HAS_STOCK_HISTORY, "SKU " + sku + " has stock movements, so it stays in the catalog"))
                                : db.sql("DELETE FROM variants WHERE merchant_id = :merchant AND id = :variant")
                                        .bind("merchant", merchantId).bind("variant", variant.id()).then()))
                .onErrorMap(DataIntegrityViolationException.class, e -> ApiProblem.of(ProblemType.VARIANT_IN_USE, "SKU " + sku + " is referred to by stock, orders or other records, so it stays in the catalog"))
                .as(tx::transactional);
    }
}
