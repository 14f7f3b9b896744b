package io.stowage.api.boxes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CartonizationTest {

    private static final UUID SHIRT = UUID.randomUUID();
    private static final UUID MUG = UUID.randomUUID();
    private static final UUID LAMP = UUID.randomUUID();

    private static CandidateBox box(String code, int l, int w, int h, long cost) {
        return new CandidateBox(code, l, w, h, 100, 20_000, 100, cost, "EUR");
    }

    private static UnitShape unit(UUID variant, int l, int w, int h, int grams) {
        return new UnitShape(variant, l, w, h, grams, false, false);
    }

    @Test
    void aUnitFitsWhenTurnedSoItsLongestSideLiesAlongTheBoxsLongestSide() {
        List<BoxChoice> choices = Cartonization.choose(List.of(unit(SHIRT, 50, 300, 40, 200)), List.of(box("TALL", 60, 45, 310, 90)));

        assertThat(choices).hasSize(1);
        assertThat(choices.get(0).cartons()).singleElement().satisfies(carton -> {
            assertThat(carton.boxTypeCode()).isEqualTo("TALL");
            assertThat(carton.variantIdsPerUnit()).containsExactly(SHIRT);
        });
    }

    @Test
    void aUnitThatFitsByVolumeButNotBySidesIsNotPutInTheBox() {
        // An umbrella of 600 mm has a tenth of the cube's volume but is longer than any of its sides.
        List<BoxChoice> choices = Cartonization.choose(List.of(unit(SHIRT, 600, 60, 60, 500)),
                List.of(box("CUBE", 400, 400, 400, 50), box("LONG", 650, 100, 100, 300)));

        assertThat(choices).extracting(choice -> choice.cartons().get(0).boxTypeCode()).containsExactly("LONG");
    }

    @Test
    void nothingIsSuggestedWhenAUnitFitsNoBox() {
        assertThat(Cartonization.choose(List.of(unit(SHIRT, 100, 100, 100, 100), unit(LAMP, 900, 10, 10, 100)),
                List.of(box("M", 300, 300, 300, 100)))).isEmpty();
    }

    @Test
    void theFillLimitLeavesRoomSoTwoUnitsOfSixtyPercentNeedTwoBoxes() {
        CandidateBox eightyPercent = new CandidateBox("M", 100, 100, 100, 100, 20_000, 80, 100, "EUR");
        UnitShape sixtyPercent = unit(SHIRT, 100, 100, 60, 100);

        List<BoxChoice> choices = Cartonization.choose(List.of(sixtyPercent, sixtyPercent), List.of(eightyPercent));

        assertThat(choices.get(0).cartons()).hasSize(2);
        assertThat(choices.get(0).totalCostMinor()).isEqualTo(200);
    }

    @Test
    void theBoxesMaximumWeightCountsTheTare() {
        CandidateBox weak = new CandidateBox("WEAK", 500, 500, 500, 400, 2_000, 100, 100, "EUR");

        assertThat(Cartonization.choose(List.of(unit(SHIRT, 10, 10, 10, 1_600)), List.of(weak))).hasSize(1);
        assertThat(Cartonization.choose(List.of(unit(SHIRT, 10, 10, 10, 1_601)), List.of(weak))).isEmpty();
        assertThat(Cartonization.choose(List.of(unit(SHIRT, 10, 10, 10, 1_000), unit(MUG, 10, 10, 10, 1_000)), List.of(weak)).get(0)
                .cartons()).hasSize(2);
    }

    @Test
    void severalSmallBoxesWinWhenTheyCostLessThanOneLargeAndTheLargeIsStillOffered() {
        List<UnitShape> units = List.of(unit(SHIRT, 200, 200, 100, 300), unit(MUG, 200, 200, 100, 300));
        List<CandidateBox> boxes = List.of(box("S", 210, 210, 110, 40), box("L", 420, 210, 110, 100));

        List<BoxChoice> choices = Cartonization.choose(units, boxes);

        assertThat(choices).extracting(BoxChoice::totalCostMinor).containsExactly(80L, 100L);
        assertThat(choices.get(0).cartons()).extracting(BoxChoice.Carton::boxTypeCode).containsExactly("S", "S");
        assertThat(choices.get(1).cartons()).extracting(BoxChoice.Carton::boxTypeCode).containsExactly("L");
    }

    @Test
    void fragileUnitsNeverShareACartonWithOrdinaryOnesButMayShareWithEachOther() {
        UnitShape glass = new UnitShape(MUG, 100, 100, 100, 300, true, false);
        List<UnitShape> units = List.of(unit(SHIRT, 100, 100, 50, 200), glass, glass);

        BoxChoice cheapest = Cartonization.choose(units, List.of(box("L", 400, 400, 400, 100))).get(0);

        assertThat(cheapest.cartons()).extracting(BoxChoice.Carton::variantIdsPerUnit)
                .containsExactly(List.of(SHIRT), List.of(MUG, MUG));
    }

    @Test
    void aUnitThatShipsSeparatelyLeavesInItsOwnPackagingAtNoCost() {
        UnitShape lamp = new UnitShape(LAMP, 900, 400, 300, 4_000, false, true);

        BoxChoice cheapest = Cartonization.choose(List.of(unit(SHIRT, 100, 100, 50, 200), lamp), List.of(box("M", 300, 300, 300, 70))).get(0);

        assertThat(cheapest.totalCostMinor()).isEqualTo(70);
        assertThat(cheapest.cartons()).hasSize(2);
        assertThat(cheapest.cartons().get(1)).isEqualTo(new BoxChoice.Carton(null, 900, 400, 300, 0, 4_000, List.of(LAMP)));
    }

    @Test
    void onlyUnitsThatShipSeparatelyNeedNoBoxAndNoCurrency() {
        UnitShape lamp = new UnitShape(LAMP, 900, 400, 300, 4_000, false, true);

        assertThat(Cartonization.choose(List.of(lamp), List.of())).containsExactly(new BoxChoice(
                List.of(new BoxChoice.Carton(null, 900, 400, 300, 0, 4_000, List.of(LAMP))), 0, "XXX"));
    }

    @Test
    void theExpectedWeightIsTheTarePlusTheUnitsAndEachUnitIsNamed() {
        CandidateBox box = new CandidateBox("M", 300, 300, 300, 180, 20_000, 100, 70, "EUR");

        BoxChoice.Carton carton = Cartonization.choose(List.of(unit(SHIRT, 100, 100, 50, 200), unit(SHIRT, 100, 100, 50, 200),
                unit(MUG, 100, 100, 100, 350)), List.of(box)).get(0).cartons().get(0);

        assertThat(carton.expectedWeightGrams()).isEqualTo(180 + 200 + 200 + 350);
        assertThat(carton.tareGrams()).isEqualTo(180);
        assertThat(carton.variantIdsPerUnit()).containsExactly(SHIRT, SHIRT, MUG);
        assertThat(List.of(carton.lengthMm(), carton.widthMm(), carton.heightMm())).containsExactly(300, 300, 300);
    }

    @Test
    void boxesInDifferentCurrenciesAreNeverAddedUp() {
        List<UnitShape> units = List.of(unit(SHIRT, 200, 200, 200, 100), unit(MUG, 200, 200, 200, 100));
        List<CandidateBox> boxes = List.of(new CandidateBox("EURO", 210, 210, 210, 50, 20_000, 100, 60, "EUR"),
                new CandidateBox("ZLOTY", 210, 210, 210, 50, 20_000, 100, 50, "PLN"));

        List<BoxChoice> choices = Cartonization.choose(units, boxes);

        assertThat(choices).allSatisfy(choice -> assertThat(choice.cartons()).extracting(BoxChoice.Carton::boxTypeCode)
                .containsOnly(choice.currency().equals("EUR") ? "EURO" : "ZLOTY"));
        assertThat(choices).extracting(BoxChoice::currency).containsExactly("PLN", "EUR");
    }

    @Test
    void aLargeOrderIsPackedFirstFitIntoValidCartons() {
        List<UnitShape> units = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            units.add(unit(UUID.randomUUID(), 200, 150, 40 + i, 300));
        }
        List<CandidateBox> boxes = List.of(box("S", 210, 160, 120, 40), box("M", 310, 220, 200, 70), box("L", 420, 320, 300, 120));

        List<BoxChoice> choices = Cartonization.choose(units, boxes);

        assertThat(choices).isNotEmpty();
        CartonizationOracle.assertValid(units, boxes, choices);
    }
}
