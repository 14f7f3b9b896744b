package io.stowage.barcodes.render;

import io.stowage.barcodes.decode.BarcodeDecoder;
import io.stowage.barcodes.decode.DecodedBarcode;
import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.InvalidBarcodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Code128Test {

    @Test
    void packsDigitsInCodeSetCWhereThatIsShorter() {
        assertThat(Code128.text("12345678").symbols()).first()
                .isEqualTo(new Code128.Symbol(Code128.START_C, Code128.CodeSet.C));
        assertThat(Code128.text("12345678").modules()).isEqualTo((1 + 4 + 1) * 11 + 13);
        assertThat(Code128.text("CE000000017EE").symbols()).extracting(Code128.Symbol::value)
                .contains(Code128.CODE_C, Code128.CODE_B);
        assertThat(Code128.text("AB12CD").symbols()).allMatch(symbol -> symbol.codeSet() == Code128.CodeSet.B);
    }

    @Test
    void anSsccIsStartCFnc1AndTenDigitPairs() {
        Code128 sscc = Code128.gs1(ElementString.parseBracketed("(00)106141411234567897"));
        assertThat(sscc.symbols()).hasSize(12);
        assertThat(sscc.symbols().get(1).value()).isEqualTo(Code128.FNC1);
        assertThat(sscc.modules()).isEqualTo(156);
        assertThat(sscc.modulesWithQuietZones()).isEqualTo(176);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CE000000017EE", "1Z999AA10123456784", "JJD0002249582316098730", "12345",
            "A1234567B", "00340434161094042557", "LV-1010 Riga >x<", "9", "abc~{}|"})
    void everyPlanDecodesToItsText(String text) {
        byte[] png = BarcodeRenderer.renderPng(Symbology.CODE_128, text, 1, 80);
        assertThat(BarcodeDecoder.decodeAll(png)).containsExactly(new DecodedBarcode(Symbology.CODE_128, text));
        assertThat(BarcodeRenderer.render(Symbology.CODE_128, text, 1, 80).getWidth())
                .isEqualTo(Code128.text(text).modulesWithQuietZones());
    }

    @Test
    void refusesCharactersOutsidePrintableAscii() {
        assertThatThrownBy(() -> Code128.text("Rīga")).isInstanceOf(InvalidBarcodeException.class)
                .hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> Code128.text("A\tB")).isInstanceOf(InvalidBarcodeException.class);
    }
}
