package io.stowage.api.boxes;

import io.stowage.api.Published;
import java.util.UUID;

/**
 * One unit to pack as the catalog describes it: its outer size in millimetres (any orientation), its
 * weight in grams, whether it must not share a carton with ordinary goods ({@code fragile}) and
 * whether it leaves in its own packaging ({@code shipsSeparately}). Several units of one variant are
 * several shapes.
 */
@Published
public record UnitShape(UUID variantId, int lengthMm, int widthMm, int heightMm, int weightGrams, boolean fragile,
                        boolean shipsSeparately) {
}
