package io.stowage.carriers.spi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DimensionalWeightRuleTest {

    @Test
    void lightButBulkyParcelIsBilledOnItsVolume() {
        // 40 x 30 x 20 cm = 24 000 cm³; / 5000 = 4.8 kg, rounded up to the next 500 g.
        Parcel bulky = Parcel.of(2_000, 400, 300, 200);

        BillableWeight weight = new DimensionalWeightRule(5000, 500).billableWeight(bulky);

        assertThat(weight.dimensionalGrams()).isEqualTo(4_800);
        assertThat(weight.billableGrams()).isEqualTo(5_000);
    }

    @Test
    void heavyParcelIsBilledOnActualWeightRoundedUp() {
        Parcel dense = Parcel.of(6_010, 300, 200, 100);

        BillableWeight weight = new DimensionalWeightRule(6000, 100).billableWeight(dense);

        assertThat(weight.dimensionalGrams()).isEqualTo(1_000);
        assertThat(weight.billableGrams()).isEqualTo(6_100);
    }

    @Test
    void aLargerDivisorMakesTheSameBoxLighter() {
        Parcel box = Parcel.of(500, 400, 300, 200);

        int courier = new DimensionalWeightRule(5000, 100).billableWeight(box).billableGrams();
        int post = new DimensionalWeightRule(6000, 100).billableWeight(box).billableGrams();

        assertThat(courier).isEqualTo(4_800);
        assertThat(post).isEqualTo(4_000);
    }
}
