package io.stowage.api.catalog;

import io.stowage.api.Published;
import java.util.UUID;

/**
 * What other features need to know of a variant: its identity, how it is tracked, its size and weight,
 * and how it is packed (fragile units apart from ordinary ones; some ship in their own packaging).
 * The size and threshold are null when the merchant did not give them.
 */
@Published
public record VariantRef(UUID id, UUID merchantId, String sku, String productCode, String name, boolean lotTracked, boolean expiryTracked,
                         Integer lowStockThreshold, Integer weightG, Integer lengthMm, Integer widthMm, Integer heightMm,
                         boolean fragile, boolean shipsSeparately) {
}
