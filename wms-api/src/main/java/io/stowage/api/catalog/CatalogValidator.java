package io.stowage.api.catalog;

import io.stowage.api.catalog.CatalogDraft.FieldPaths;
import io.stowage.api.catalog.CatalogDraft.ProductDraft;
import io.stowage.api.catalog.CatalogDraft.VariantDraft;
import io.stowage.barcodes.gs1.Gtin;
import io.stowage.barcodes.gs1.InvalidBarcodeException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks a whole catalog change before anything is written: the field rules of {@link VariantInput},
 * GTIN check digits, SKUs and GTINs given twice, alternatives that name no variant, and GTINs that
 * already belong to a variant the change leaves alone. Every problem is reported at once.
 */
@Component
class CatalogValidator {

    private final Validator validator;
    private final DatabaseClient db;

    CatalogValidator(Validator validator, DatabaseClient db) {
        this.validator = validator;
        this.db = db;
    }

    /** The checked batch, or an {@code invalid-request} problem listing what {@code errors} and the checks found. */
    Mono<CatalogBatch> validate(UUID merchantId, CatalogDraft draft, FieldErrors errors) {
        Checked checked = checkFields(draft, errors);
        return unknownSkus(merchantId, checked.alternativeRefs.keySet())
                .doOnNext(unknown -> unknown.forEach(sku -> checked.alternativeRefs.get(sku)
                        .forEach(path -> errors.add(path, "SKU " + sku + " is not in this catalog nor in this request"))))
                .then(gtinOwners(merchantId, checked.gtins.keySet()))
                .map(owners -> {
                    owners.forEach((gtin, owner) -> {
                        if (!checked.skus.containsKey(owner)) {
                            errors.add(checked.gtins.get(gtin), "GTIN " + gtin + " already belongs to SKU " + owner
                                    + "; remove it there first");
                        }
                    });
                    errors.throwIfAny();
                    return new CatalogBatch(checked.products, checked.variants);
                });
    }

    /** What the checks that need no database found and gathered. */
    private static final class Checked {
        final List<CatalogBatch.Product> products = new ArrayList<>();
        final List<CatalogBatch.Variant> variants = new ArrayList<>();
        /** SKU to the path of its first occurrence. */
        final Map<String, String> skus = new HashMap<>();
        /** GTIN-14 to the path it was given at. */
        final Map<String, String> gtins = new HashMap<>();
        /** Alternatives named but not in the request, to the paths that name them. */
        final Map<String, List<String>> alternativeRefs = new LinkedHashMap<>();
    }

    private Checked checkFields(CatalogDraft draft, FieldErrors errors) {
        Checked checked = new Checked();
        Map<String, String> productCodes = new HashMap<>();
        for (ProductDraft product : draft.products()) {
            if (product.variants() == null) {
                errors.add(product.paths().self(), "must be a product, not null");
                continue;
            }
            String code = product.productCode();
            if (!Skus.isValid(code)) {
                errors.add(product.paths().of("product_code"), Skus.MESSAGE);
            } else if (productCodes.putIfAbsent(code, product.paths().of("product_code")) != null) {
                errors.add(product.paths().of("product_code"), "product " + code + " is given twice, first at "
                        + productCodes.get(code));
            }
            report(validator.validate(product.details()), product.paths(), errors);
            checked.products.add(new CatalogBatch.Product(code, product.name(), product.description()));
            for (VariantDraft variant : product.variants()) {
                checkVariant(code, variant, checked, errors);
            }
        }
        checked.alternativeRefs.keySet().removeAll(checked.skus.keySet());
        return checked;
    }

    private void checkVariant(String productCode, VariantDraft draft, Checked checked, FieldErrors errors) {
        VariantInput input = draft.input();
        FieldPaths paths = draft.paths();
        if (input == null) {
            errors.add(paths.self(), "must be a variant, not null");
            return;
        }
        report(validator.validate(input), paths, errors);
        String sku = input.sku();
        if (sku != null) {
            String first = checked.skus.putIfAbsent(sku, paths.of("sku"));
            if (first != null) {
                errors.add(paths.of("sku"), "SKU " + sku + " is given twice, first at " + first);
            }
        }
        List<String> gtins = new ArrayList<>();
        for (int i = 0; i < input.gtins().size(); i++) {
            String path = paths.of("gtins[" + i + "]");
            try {
                String gtin = Gtin.parse(input.gtins().get(i)).toGtin14();
                String first = checked.gtins.putIfAbsent(gtin, path);
                if (first != null) {
                    errors.add(path, "GTIN " + gtin + " is given twice, first at " + first);
                }
                gtins.add(gtin);
            } catch (InvalidBarcodeException e) {
                errors.add(path, e.getMessage());
            }
        }
        Set<String> alternatives = new HashSet<>();
        for (int i = 0; i < input.alternatives().size(); i++) {
            String path = paths.of("alternatives[" + i + "]");
            String alternative = input.alternatives().get(i);
            if (!Skus.isValid(alternative)) {
                errors.add(path, Skus.MESSAGE);
            } else if (alternative.equals(sku)) {
                errors.add(path, "a variant cannot be its own alternative");
            } else if (!alternatives.add(alternative)) {
                errors.add(path, "SKU " + alternative + " is named twice");
            } else {
                checked.alternativeRefs.computeIfAbsent(alternative, a -> new ArrayList<>()).add(path);
            }
        }
        if (input.imageUrl() != null && !input.imageUrl().isBlank() && !ImageUrls.isValid(input.imageUrl().trim())) {
            errors.add(paths.of("image_url"), ImageUrls.MESSAGE);
        }
        if (errors.isEmpty()) {
            checked.variants.add(new CatalogBatch.Variant(productCode, sku, input.name(), input.attributes(), gtins,
                    input.weightG(), input.lengthMm(), input.widthMm(), input.heightMm(),
                    Boolean.TRUE.equals(input.lotTracked()), Boolean.TRUE.equals(input.expiryTracked()),
                    input.lowStockThreshold() == null ? 0 : input.lowStockThreshold(), input.alternatives(),
                    Boolean.TRUE.equals(input.fragile()), Boolean.TRUE.equals(input.shipsSeparately()),
                    input.imageUrl() == null || input.imageUrl().isBlank() ? null : input.imageUrl().trim()));
        }
    }

    private static <T> void report(Set<ConstraintViolation<T>> violations, FieldPaths paths, FieldErrors errors) {
        for (ConstraintViolation<T> violation : violations) {
            errors.add(paths.of(jsonPath(violation.getPropertyPath())), violation.getMessage());
        }
    }

    /** {@code gtins[1].<list element>} or {@code weightG} as the client wrote it: {@code gtins[1]}, {@code weight_g}. */
    static String jsonPath(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    out.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    out.append('.').append(node.getKey());
                }
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(snakeCase(name));
            }
        }
        return out.toString();
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** Which of {@code skus} the merchant has no variant for. */
    private Mono<Set<String>> unknownSkus(UUID merchantId, Set<String> skus) {
        if (skus.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("SELECT sku FROM variants WHERE merchant_id = :merchant AND sku = ANY(:skus)")
                .bind("merchant", merchantId)
                .bind("skus", skus.toArray(String[]::new))
                .map(row -> row.get("sku", String.class))
                .all()
                .collect(HashSet<String>::new, Set::add)
                .map(known -> {
                    Set<String> unknown = new HashSet<>(skus);
                    unknown.removeAll(known);
                    return unknown;
                });
    }

    /** The SKU each of {@code gtins} belongs to now. */
    private Mono<Map<String, String>> gtinOwners(UUID merchantId, Set<String> gtins) {
        if (gtins.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT b.gtin, v.sku FROM variant_barcodes b JOIN variants v ON v.id = b.variant_id
                        WHERE b.merchant_id = :merchant AND b.gtin = ANY(:gtins)
                        """)
                .bind("merchant", merchantId)
                .bind("gtins", gtins.toArray(String[]::new))
                .map(row -> Map.entry(row.get("gtin", String.class), row.get("sku", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
