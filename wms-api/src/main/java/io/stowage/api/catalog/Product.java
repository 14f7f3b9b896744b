package io.stowage.api.catalog;

import java.time.OffsetDateTime;
import java.util.List;

/** A product as the API shows it, with all its variants ordered by SKU. */
public record Product(String productCode, String name, String description, List<Variant> variants,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
