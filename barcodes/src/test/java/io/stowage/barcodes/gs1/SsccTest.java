package io.stowage.barcodes.gs1;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsccTest {

    @Test
    void buildsTheGs1GeneralSpecificationsExample() {
        Sscc sscc = Sscc.of("0614141", 1, 123456789L);
        assertThat(sscc.value()).isEqualTo("106141411234567897");
        assertThat(sscc.elementString()).isEqualTo("(00)106141411234567897");
    }

    @Test
    void padsTheSerialReferenceForLongerCompanyPrefixes() {
        assertThat(Sscc.of("7610425002", 3, 123456L).value()).isEqualTo("376104250021234569");
        assertThat(Sscc.of("0614141", 0, 1L).value()).startsWith("00614141000000001").hasSize(18);
        assertThat(Gs1CheckDigit.isValid(Sscc.of("0614141", 0, 1L).value())).isTrue();
    }

    @Test
    void refusesASerialThatDoesNotFit() {
        assertThat(Sscc.of("7610425002", 0, 999_999L).value()).hasSize(18);
        assertThatThrownBy(() -> Sscc.of("7610425002", 0, 1_000_000L))
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessageContaining("does not fit in 6 digits");
        assertThatThrownBy(() -> Sscc.of("0614141", 0, -1L)).isInstanceOf(InvalidBarcodeException.class);
    }

    @Test
    void refusesBadPrefixesAndExtensionDigits() {
        assertThatThrownBy(() -> Sscc.of("061414", 0, 1L)).hasMessageContaining("7 to 10 digits");
        assertThatThrownBy(() -> Sscc.of("06141410000", 0, 1L)).hasMessageContaining("7 to 10 digits");
        assertThatThrownBy(() -> Sscc.of("0614141", 10, 1L)).hasMessageContaining("extension digit");
    }

    @Test
    void parsesAndChecksTheCheckDigit() {
        assertThat(Sscc.parse(" 376104250021234569 ").value()).isEqualTo("376104250021234569");
        assertThatThrownBy(() -> Sscc.parse("376104250021234560"))
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessage("SSCC 376104250021234560 has check digit 0, expected 9");
        assertThatThrownBy(() -> Sscc.parse("37610425002123456")).hasMessageContaining("exactly 18 digits");
    }
}
