package io.stowage.api.catalog;

import java.util.List;

/** A product with its variants, as {@code PUT /api/v1/products/{product_code}} takes it. */
public record ProductInput(
        String name,
        String description,
        List<VariantInput> variants) {

    public ProductInput {
        variants = variants == null ? List.of() : variants;
    }
}
