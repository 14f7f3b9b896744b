package io.stowage.picking.cli;

import io.stowage.picking.PickingException;
import io.stowage.picking.layout.AisleBlockage;
import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.LayoutDescription;
import io.stowage.picking.layout.LayoutLocation;
import io.stowage.picking.layout.Point;
import io.stowage.picking.layout.WarehouseLayout;

import java.util.List;
import java.util.Map;

/**
 * The {@code layout} section of an instance file: either a generated {@code grid}, or explicit
 * {@code locations} with {@code crossAisles} and a {@code depot}. {@code blockages} and {@code aisleCentres}
 * apply to both (for a grid, the explicit cross aisles and depot are ignored).
 */
record LayoutSpec(GridWarehouse grid, List<Double> crossAisles, Point depot, Map<Integer, Double> aisleCentres,
                  List<AisleBlockage> blockages, List<LayoutLocation> locations) {

    WarehouseLayout build() {
        if (grid != null) {
            LayoutDescription generated = grid.description();
            return WarehouseLayout.of(grid.locations(),
                    new LayoutDescription(generated.crossAisles(), generated.depot(), aisleCentres, blockages));
        }
        if (locations == null || crossAisles == null || depot == null) {
            throw new PickingException("a layout needs either \"grid\" or \"locations\", \"crossAisles\" and \"depot\"");
        }
        return WarehouseLayout.of(locations, new LayoutDescription(crossAisles, depot, aisleCentres, blockages));
    }
}
