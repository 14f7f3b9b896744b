package io.stowage.api.catalog;

import io.stowage.api.Published;

/**
 * What a catalog write changed. A variant counts as updated when any of its fields, GTINs or
 * alternatives changed, so a repeated import reports every variant as unchanged.
 */
@Published
public record ImportSummary(int productsCreated, int productsUpdated, int productsUnchanged,
                            int variantsCreated, int variantsUpdated, int variantsUnchanged) {
}
