package io.stowage.api.catalog;

/**
 * What a catalog write changed. A variant counts as updated when any of its fields, GTINs or
 * alternatives changed, so a repeated import reports every variant as unchanged.
 */
public record ImportSummary(int productsCreated, int productsUpdated, int productsUnchanged,
                            int variantsCreated, int variantsUpdated, int variantsUnchanged) {
}
