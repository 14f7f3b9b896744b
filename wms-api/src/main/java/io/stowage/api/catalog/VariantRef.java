package io.stowage.api.catalog;

import java.util.UUID;

/** What other features need to know of a variant: its identity, how it is tracked, and its size. */
public record VariantRef(UUID id, String sku, String productCode, String name, boolean lotTracked, boolean expiryTracked,
                         int lowStockThreshold, int weightG, int lengthMm, int widthMm, int heightMm) {
}
