package io.stowage.api.catalog;

import java.util.List;

/**
 * The answer to replacing a product. Variants the request did not list are kept (stock, orders and
 * history may refer to them) and named in {@code unlistedSkus}; remove one with
 * {@code DELETE /api/v1/variants/{sku}}.
 */
public record ProductSaved(boolean productCreated, Product product, int variantsCreated, int variantsUpdated,
                           int variantsUnchanged, List<String> unlistedSkus) {
}
