package io.stowage.api.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a request asks the catalog to hold, before validation, in one shape whether it came as one
 * product, a JSON import or CSV rows. Each part knows how the client named its fields, so that
 * problems point at {@code products[12].variants[0].gtins[1]} or {@code rows[345].gtins}.
 */
record CatalogDraft(List<ProductDraft> products) {

    record ProductDraft(String productCode, String name, String description, List<VariantDraft> variants, FieldPaths paths) {

        ProductDetails details() {
            return new ProductDetails(name, description);
        }
    }

    /** The rules of a product's own fields, checked like those of {@link VariantInput}. */
    record ProductDetails(@NotBlank @Size(max = 200) String name, @Size(max = 4000) String description) {
    }

    record VariantDraft(VariantInput input, FieldPaths paths) {
    }

    /** The path of a field as the client wrote it, from the field's name in {@link VariantInput} or the product. */
    record FieldPaths(String prefix, UnaryOperator<String> rename) {

        static FieldPaths under(String prefix) {
            return new FieldPaths(prefix, UnaryOperator.identity());
        }

        String of(String field) {
            String renamed = rename.apply(field);
            if (prefix.isEmpty()) {
                return renamed;
            }
            return renamed.isEmpty() ? prefix : prefix + "." + renamed;
        }

        /** The path of the part itself, such as {@code variants[3]}. */
        String self() {
            return prefix.isEmpty() ? "body" : prefix;
        }
    }

    static CatalogDraft of(String productCode, ProductInput product) {
        List<VariantDraft> variants = new ArrayList<>();
        for (int i = 0; i < product.variants().size(); i++) {
            variants.add(new VariantDraft(product.variants().get(i), FieldPaths.under("variants[" + i + "]")));
        }
        return new CatalogDraft(List.of(new ProductDraft(productCode, product.name(), product.description(), variants,
                FieldPaths.under(""))));
    }

    static CatalogDraft of(ImportInput input) {
        List<ProductDraft> products = new ArrayList<>();
        for (int p = 0; p < input.products().size(); p++) {
            ImportInput.ImportProduct product = input.products().get(p);
            String prefix = "products[" + p + "]";
            if (product == null) {
                products.add(new ProductDraft(null, null, null, null, FieldPaths.under(prefix)));
                continue;
            }
            List<VariantDraft> variants = new ArrayList<>();
            for (int v = 0; v < product.variants().size(); v++) {
                variants.add(new VariantDraft(product.variants().get(v), FieldPaths.under(prefix + ".variants[" + v + "]")));
            }
            products.add(new ProductDraft(product.productCode(), product.name(), product.description(), variants,
                    FieldPaths.under(prefix)));
        }
        return new CatalogDraft(products);
    }
}
