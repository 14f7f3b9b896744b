package io.stowage.barcodes.gs1;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Gs1CheckDigitTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400638133393, 1",          // EAN-13 4006381333931
            "0950600013435, 2",         // GS1 GTIN-14 example 09506000134352
            "03600029145, 2",           // UPC-A 036000291452
            "9638507, 4",               // EAN-8 96385074
            "10614141123456789, 7",     // GS1 General Specifications SSCC example
            "37610425002123456, 9",     // SSCC from the GS1 Digital Link standard
            "0061414199999, 6"          // GLN 0614141999996 with leading zero
    })
    void computesPublishedCheckDigits(String body, int expected) {
        assertThat(Gs1CheckDigit.compute(body)).isEqualTo(expected);
        assertThat(Gs1CheckDigit.isValid(body + expected)).isTrue();
        assertThat(Gs1CheckDigit.isValid(body + (expected + 1) % 10)).isFalse();
    }

    @Test
    void rejectsNonDigits() {
        assertThat(Gs1CheckDigit.isValid("40063813339X")).isFalse();
        assertThat(Gs1CheckDigit.isValid("7")).isFalse();
        assertThat(Gs1CheckDigit.isValid(null)).isFalse();
        assertThatThrownBy(() -> Gs1CheckDigit.compute("12a4")).isInstanceOf(InvalidBarcodeException.class);
    }
}
