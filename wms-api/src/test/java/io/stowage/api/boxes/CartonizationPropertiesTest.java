package io.stowage.api.boxes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Random small orders and box sets: the cartonization against the brute-force oracle, and its answers checked for validity. */
class CartonizationPropertiesTest {

    private static final int CASES = 1_000;

    @Test
    void theFirstChoiceCostsWhatTheCheapestOfAllPartitionsCosts() {
        Random random = new Random(20261204);
        int packable = 0;
        for (int c = 0; c < CASES; c++) {
            List<UnitShape> units = units(random, 1 + random.nextInt(8));
            List<CandidateBox> boxes = boxes(random, 1 + random.nextInt(4));
            List<BoxChoice> choices = Cartonization.choose(units, boxes);
            OptionalLong cheapest = CartonizationOracle.cheapestCost(units, boxes);
            String instance = CartonizationOracle.describe(units, boxes);
            if (cheapest.isEmpty()) {
                assertThat(choices).as("nothing can pack " + instance).isEmpty();
            } else {
                packable++;
                assertThat(choices).as(instance).isNotEmpty();
                assertThat(choices.get(0).totalCostMinor()).as(instance).isEqualTo(cheapest.getAsLong());
                CartonizationOracle.assertValid(units, boxes, choices);
            }
        }
        // The generator must make both kinds of case, or the comparison says little.
        assertThat(packable).isBetween(CASES / 5, CASES - CASES / 10);
    }

    @Test
    void largeOrdersArePackedValidlyWheneverEachUnitFitsSomeBox() {
        Random random = new Random(4_12_2026);
        for (int c = 0; c < 150; c++) {
            List<UnitShape> units = units(random, 13 + random.nextInt(30));
            List<CandidateBox> boxes = boxes(random, 1 + random.nextInt(5));
            List<BoxChoice> choices = Cartonization.choose(units, boxes);
            boolean eachFitsAlone = units.stream().allMatch(unit -> unit.shipsSeparately()
                    || boxes.stream().anyMatch(box -> CartonizationOracle.holds(box, List.of(unit))))
                    && boxes.stream().map(CandidateBox::currency).distinct().count() == 1;
            String instance = CartonizationOracle.describe(units, boxes);
            assertThat(choices.isEmpty()).as(instance).isEqualTo(!eachFitsAlone);
            CartonizationOracle.assertValid(units, boxes, choices);
        }
    }

    private static List<UnitShape> units(Random random, int count) {
        List<UUID> variants = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UnitShape> units = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Each variant has one shape, as the catalog gives it.
            int v = random.nextInt(variants.size());
            Random shape = new Random(variants.get(v).getMostSignificantBits());
            units.add(new UnitShape(variants.get(v), 20 + shape.nextInt(280), 20 + shape.nextInt(200), 10 + shape.nextInt(150),
                    50 + shape.nextInt(3_000), shape.nextInt(5) == 0, shape.nextInt(12) == 0));
        }
        return units;
    }

    private static List<CandidateBox> boxes(Random random, int count) {
        List<CandidateBox> boxes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int tare = 50 + random.nextInt(300);
            boxes.add(new CandidateBox("B" + i, 100 + random.nextInt(400), 80 + random.nextInt(300), 50 + random.nextInt(250), tare,
                    tare + 1_000 + random.nextInt(12_000), 60 + random.nextInt(41), 20 + random.nextInt(200), "EUR"));
        }
        return boxes;
    }
}
