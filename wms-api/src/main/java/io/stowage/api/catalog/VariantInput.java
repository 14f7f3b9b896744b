package io.stowage.api.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * One variant as a merchant sends it, in a product or in an import. GTINs are checked by
 * {@link io.stowage.barcodes.gs1.Gtin}; alternatives are SKUs in order of preference. {@code fragile}
 * units are packed apart from ordinary ones, {@code shipsSeparately} units leave in their own packaging.
 * {@code imageUrl} (optional, http or https) is the picture the pack station shows next to the variant's alt text.
 */
public record VariantInput(
        @NotNull @Pattern(regexp = Skus.PATTERN, message = Skus.MESSAGE) String sku,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 30) Map<@NotBlank @Size(max = 50) String, @NotNull @Size(max = 200) String> attributes,
        @Size(max = 20) List<String> gtins,
        @NotNull @PositiveOrZero Integer weightG,
        @NotNull @PositiveOrZero Integer lengthMm,
        @NotNull @PositiveOrZero Integer widthMm,
        @NotNull @PositiveOrZero Integer heightMm,
        Boolean lotTracked,
        Boolean expiryTracked,
        @PositiveOrZero Integer lowStockThreshold,
        @Size(max = 20) List<String> alternatives,
        Boolean fragile,
        Boolean shipsSeparately,
        @Size(max = 2000) String imageUrl) {

    public VariantInput {
        attributes = attributes == null ? Map.of() : attributes;
        gtins = gtins == null ? List.of() : gtins;
        alternatives = alternatives == null ? List.of() : alternatives;
    }
}
