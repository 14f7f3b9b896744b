package io.stowage.api.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A variant as the API shows it: GTINs in GTIN-14 form, alternatives as SKUs in order of preference;
 * {@code fragile} and {@code shipsSeparately} say how it is packed.
 */
public record Variant(UUID id, String sku, String productCode, String name, Map<String, String> attributes, List<String> gtins,
                      int weightG, int lengthMm, int widthMm, int heightMm, boolean lotTracked, boolean expiryTracked,
                      int lowStockThreshold, boolean fragile, boolean shipsSeparately, List<String> alternatives, String imageUrl,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
