package io.stowage.carriers.spi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void parsesDecimalAmountsIntoMinorUnits() {
        assertThat(Money.parse("7.58", "USD")).isEqualTo(Money.of(758, "USD"));
        assertThat(Money.parse("12.345", "EUR")).isEqualTo(Money.of(1235, "EUR"));
    }

    @Test
    void percentageRoundsHalfUp() {
        assertThat(Money.of(590, "EUR").percentage(1150)).isEqualTo(Money.of(68, "EUR"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "UAH"))).isInstanceOf(IllegalArgumentException.class);
    }
}
