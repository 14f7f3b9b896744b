package io.stowage.picking.layout;

import io.stowage.picking.PickingException;

import java.util.ArrayList;
import java.util.List;

/**
 * A rectangular warehouse generated from a few dimensions: the usual test and benchmark layout of the
 * order-picking literature. Aisle {@code a} (1-based) has its centre line at
 * {@code x = (a - 0.5) * aisleSpacing}; every block holds {@code baysPerBlock} bays of {@code bayWidth} on
 * each side of every aisle; cross aisles are {@code crossAisleWidth} wide, the front one centred on
 * {@code y = 0}. Location codes read {@code A03-012-L}: aisle 3, bay 12 counted from the front, left side.
 *
 * @param depotX where along the front cross aisle the depot stands; the depot is on its centre line
 */
public record GridWarehouse(int aisles, int blocks, int baysPerBlock, double bayWidth, double aisleSpacing,
                            double crossAisleWidth, double depotX) {

    public GridWarehouse {
        if (aisles < 1 || blocks < 1 || baysPerBlock < 1 || bayWidth <= 0 || aisleSpacing <= 0 || crossAisleWidth < 0) {
            throw new PickingException("a grid warehouse needs positive counts and dimensions");
        }
    }

    /** Depth of one block of bays in metres. */
    public double blockDepth() {
        return baysPerBlock * bayWidth;
    }

    public List<Double> crossAisles() {
        List<Double> crossAisles = new ArrayList<>();
        for (int c = 0; c <= blocks; c++) {
            crossAisles.add(c * (blockDepth() + crossAisleWidth));
        }
        return crossAisles;
    }

    public LayoutDescription description() {
        return LayoutDescription.of(crossAisles(), new Point(depotX, 0));
    }

    public List<LayoutLocation> locations() {
        List<LayoutLocation> locations = new ArrayList<>();
        for (int aisle = 1; aisle <= aisles; aisle++) {
            double centre = (aisle - 0.5) * aisleSpacing;
            for (int block = 0; block < blocks; block++) {
                double blockStart = block * (blockDepth() + crossAisleWidth) + crossAisleWidth / 2;
                for (int bay = 0; bay < baysPerBlock; bay++) {
                    int bayNumber = block * baysPerBlock + bay + 1;
                    double y = blockStart + (bay + 0.5) * bayWidth;
                    locations.add(new LayoutLocation(code(aisle, bayNumber, 'L'), aisle, bayNumber, 1, centre - aisleSpacing / 4, y));
                    locations.add(new LayoutLocation(code(aisle, bayNumber, 'R'), aisle, bayNumber, 1, centre + aisleSpacing / 4, y));
                }
            }
        }
        return locations;
    }

    public WarehouseLayout build() {
        return WarehouseLayout.of(locations(), description());
    }

    public static String code(int aisle, int bay, char side) {
        return String.format("A%02d-%03d-%c", aisle, bay, side);
    }
}
