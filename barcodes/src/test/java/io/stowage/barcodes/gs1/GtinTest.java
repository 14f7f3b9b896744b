package io.stowage.barcodes.gs1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GtinTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "96385074, 00000096385074",
            "036000291452, 00036000291452",
            "4006381333931, 04006381333931",
            "09506000134352, 09506000134352",
            "'  4006381333931 ', 04006381333931"
    })
    void parsesEveryGtinLengthAndPadsToGtin14(String text, String gtin14) {
        Gtin gtin = Gtin.parse(text);
        assertThat(gtin.value()).isEqualTo(text.trim());
        assertThat(gtin.toGtin14()).isEqualTo(gtin14);
        assertThat(Gtin.isValid(text)).isTrue();
    }

    @Test
    void explainsAWrongCheckDigit() {
        assertThatThrownBy(() -> Gtin.parse("4006381333932"))
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessage("GTIN 4006381333932 has check digit 2, expected 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "40063813339310", "400638133393X", "123456789", "4006381333932"})
    void rejectsBadGtins(String text) {
        assertThat(Gtin.isValid(text)).isFalse();
        assertThatThrownBy(() -> Gtin.parse(text)).isInstanceOf(InvalidBarcodeException.class);
    }

    @Test
    void rejectsWrongLengthEvenWithValidCheckDigit() {
        // 11 digits with a correct mod-10 digit is still not a GTIN length
        assertThatThrownBy(() -> Gtin.parse("36000291452"))
                .hasMessageContaining("expected 8, 12, 13 or 14");
        assertThat(Gtin.isValid(null)).isFalse();
    }
}
