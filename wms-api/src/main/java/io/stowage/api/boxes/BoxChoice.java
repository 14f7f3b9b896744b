package io.stowage.api.boxes;

import io.stowage.api.Published;
import java.util.List;
import java.util.UUID;

/**
 * One way to pack an order's units: the cartons and what they cost together. A carton whose
 * {@code boxTypeCode} is null is a unit that ships in its own packaging (its size is the unit's,
 * no tare, no cost). {@code currency} is ISO 4217; {@code XXX} when no box is used at all.
 */
@Published
public record BoxChoice(List<Carton> cartons, long totalCostMinor, String currency) {

    public BoxChoice {
        cartons = List.copyOf(cartons);
    }

    /**
     * One carton: the box's inner size, its tare, the expected gross weight (tare plus the units'
     * catalog weights) and the variant of each unit in it, one entry per unit.
     */
    public record Carton(String boxTypeCode, int lengthMm, int widthMm, int heightMm, int tareGrams, int expectedWeightGrams,
                         List<UUID> variantIdsPerUnit) {

        public Carton {
            variantIdsPerUnit = List.copyOf(variantIdsPerUnit);
        }
    }
}
