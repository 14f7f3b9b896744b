package io.stowage.api.catalog;

import java.util.List;

/** The JSON form of a bulk import: products with their variants, each keyed by its code. */
public record ImportInput(List<ImportProduct> products) {

    public ImportInput {
        products = products == null ? List.of() : products;
    }

    public record ImportProduct(
            String productCode,
            String name,
            String description,
            List<VariantInput> variants) {

        public ImportProduct {
            variants = variants == null ? List.of() : variants;
        }
    }
}
