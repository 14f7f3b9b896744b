package io.stowage.picking.layout;

import java.util.Objects;

/**
 * A pick location as {@code wms-api} stores it. {@code x} runs across the aisles, {@code y} along them;
 * the picker stands on the aisle's centre line at {@code y}, so both sides and every level of a bay
 * share one walking position.
 */
public record LayoutLocation(String code, int aisle, int bay, int level, double x, double y) {

    public LayoutLocation {
        Objects.requireNonNull(code, "code");
    }
}
