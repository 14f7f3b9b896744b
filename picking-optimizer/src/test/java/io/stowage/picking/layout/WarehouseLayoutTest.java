package io.stowage.picking.layout;

import io.stowage.picking.PickingException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WarehouseLayoutTest {

    /** Three aisles 3 m apart (centres 1.5, 4.5, 7.5), two blocks of five 1 m bays, cross aisles at y 0, 7 and 14. */
    private final GridWarehouse twoBlocks = new GridWarehouse(3, 2, 5, 1.0, 3.0, 2.0, 0.0);

    @Test
    void bothSidesOfAnAisleAreOneWalkingPosition() {
        WarehouseLayout layout = twoBlocks.build();
        assertThat(layout.nodeOf("A01-002-L")).isEqualTo(layout.nodeOf("A01-002-R"));
        assertThat(layout.distance("A01-002-L", "A01-002-R")).isZero();
    }

    @Test
    void withinAnAisleTheDistanceIsAlongIt() {
        WarehouseLayout layout = twoBlocks.build();
        // bay 1 at y 1.5, bay 9 in the second block at y 11.5, straight across the middle cross aisle
        assertThat(layout.distance("A02-001-L", "A02-009-R")).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void betweenAislesThePickerUsesTheNearestCrossAisle() {
        WarehouseLayout layout = twoBlocks.build();
        // bay 5 of aisle 1 at y 5.5 to bay 4 of aisle 2 at y 4.5: over the middle cross aisle at y 7
        assertThat(layout.distance("A01-005-L", "A02-004-L")).isCloseTo(1.5 + 3 + 2.5, within(1e-9));
        // bay 1 (y 1.5) to bay 2 (y 2.5) of the neighbouring aisle: over the front cross aisle
        assertThat(layout.distance("A01-001-L", "A02-002-L")).isCloseTo(1.5 + 3 + 2.5, within(1e-9));
    }

    @Test
    void theDepotIsReachedOverItsOwnWalkway() {
        GridWarehouse grid = new GridWarehouse(3, 1, 5, 1.0, 3.0, 2.0, 0.0);
        LayoutDescription description = new LayoutDescription(grid.crossAisles(), new Point(0, -2), Map.of(), List.of());
        WarehouseLayout layout = WarehouseLayout.of(grid.locations(), description);
        assertThat(layout.distance(WarehouseLayout.DEPOT, layout.nodeOf("A01-001-L"))).isCloseTo(2 + 1.5 + 1.5, within(1e-9));
    }

    @Test
    void aBlockedAisleIsWalkedAround() {
        LayoutDescription blocked = new LayoutDescription(twoBlocks.crossAisles(), new Point(0, 0), Map.of(),
                List.of(new AisleBlockage(2, 3.0)));
        WarehouseLayout layout = WarehouseLayout.of(twoBlocks.locations(), blocked);
        // y 1.5 to y 5.5 in aisle 2: down to the front, over to aisle 1, up to the middle cross aisle, back into aisle 2
        assertThat(layout.distance("A02-001-L", "A02-005-L")).isCloseTo(1.5 + 3 + 7 + 3 + 1.5, within(1e-9));
        assertThat(twoBlocks.build().distance("A02-001-L", "A02-005-L")).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void distancesAreSymmetricAndObeyTheTriangleInequality() {
        WarehouseLayout layout = twoBlocks.build();
        int n = layout.nodeCount();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                assertThat(layout.distance(a, b)).isCloseTo(layout.distance(b, a), within(1e-9));
                for (int c = 0; c < n; c += 7) {
                    assertThat(layout.distance(a, b)).isLessThanOrEqualTo(layout.distance(a, c) + layout.distance(c, b) + 1e-9);
                }
            }
        }
    }

    @Test
    void unknownCodesAndMisplacedLocationsAreRejected() {
        WarehouseLayout layout = twoBlocks.build();
        assertThatThrownBy(() -> layout.nodeOf("Z99")).isInstanceOf(PickingException.class).hasMessageContaining("Z99");
        List<LayoutLocation> outside = List.of(new LayoutLocation("X", 1, 1, 1, 1, 20));
        assertThatThrownBy(() -> WarehouseLayout.of(outside, twoBlocks.description())).isInstanceOf(PickingException.class);
        List<LayoutLocation> duplicate = List.of(new LayoutLocation("X", 1, 1, 1, 1, 2), new LayoutLocation("X", 1, 2, 1, 1, 3));
        assertThatThrownBy(() -> WarehouseLayout.of(duplicate, twoBlocks.description())).isInstanceOf(PickingException.class);
    }
}
