package io.stowage.api.boxes;

import io.stowage.api.Published;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A box type as a merchant or the 3PL sends it: inner size in millimetres, tare and the most the packed
 * carton may weigh (tare included) in grams, how full of units it may be packed (percent of the inner
 * volume, 85 when not given), and its cost in minor units of an ISO 4217 currency.
 */
@Published
public record BoxTypeInput(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Positive @Max(5_000) Integer innerLengthMm,
        @NotNull @Positive @Max(5_000) Integer innerWidthMm,
        @NotNull @Positive @Max(5_000) Integer innerHeightMm,
        @NotNull @PositiveOrZero @Max(100_000) Integer tareGrams,
        @NotNull @Positive @Max(1_000_000) Integer maxWeightGrams,
        @Min(1) @Max(100) Integer maxFillPercent,
        @NotNull @PositiveOrZero @Max(100_000_000) Long costMinor,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {

    static final int DEFAULT_FILL_PERCENT = 85;

    int fillPercent() {
        return maxFillPercent == null ? DEFAULT_FILL_PERCENT : maxFillPercent;
    }
}
