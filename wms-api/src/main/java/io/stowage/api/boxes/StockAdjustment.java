package io.stowage.api.boxes;

import io.stowage.api.Published;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A change of a node's packaging stock of one box type: boxes {@code received} (added), {@code damaged}
 * (taken away), or {@code counted} (the quantity is what is on the shelf now).
 */
@Published
public record StockAdjustment(
        @NotBlank String nodeCode,
        @NotNull @Pattern(regexp = "received|damaged|counted", message = "must be received, damaged or counted") String reason,
        @NotNull @PositiveOrZero @Max(1_000_000) Integer quantity) {
}
