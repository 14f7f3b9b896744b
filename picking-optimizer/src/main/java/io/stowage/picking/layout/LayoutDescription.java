package io.stowage.picking.layout;

import io.stowage.picking.PickingException;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the location list alone does not say about a warehouse.
 *
 * @param crossAisles  y positions of the cross aisles' centre lines, front first; two for a single block,
 *                     one more for every middle cross aisle
 * @param depot        where pickers start and drop their totes; it is reached from the front cross aisle
 *                     at the depot's x
 * @param aisleCentres optional x of an aisle's centre line by aisle number; when absent it is the middle
 *                     of the aisle's locations
 * @param blockages    aisles that cannot be walked past a position
 */
public record LayoutDescription(List<Double> crossAisles, Point depot, Map<Integer, Double> aisleCentres,
                                List<AisleBlockage> blockages) {

    public LayoutDescription {
        Objects.requireNonNull(depot, "depot");
        crossAisles = List.copyOf(crossAisles);
        aisleCentres = aisleCentres == null ? Map.of() : Map.copyOf(aisleCentres);
        blockages = blockages == null ? List.of() : List.copyOf(blockages);
        if (crossAisles.size() < 2) {
            throw new PickingException("a layout needs at least a front and a back cross aisle");
        }
        for (int i = 1; i < crossAisles.size(); i++) {
            if (crossAisles.get(i) <= crossAisles.get(i - 1)) {
                throw new PickingException("cross aisles must be listed front to back with increasing y");
            }
        }
    }

    /** A layout without explicit aisle centres or blockages. */
    public static LayoutDescription of(List<Double> crossAisles, Point depot) {
        return new LayoutDescription(crossAisles, depot, Map.of(), List.of());
    }

    public double frontY() {
        return crossAisles.get(0);
    }

    public double backY() {
        return crossAisles.get(crossAisles.size() - 1);
    }
}
