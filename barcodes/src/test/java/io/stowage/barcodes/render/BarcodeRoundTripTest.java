package io.stowage.barcodes.render;

import io.stowage.barcodes.decode.BarcodeDecoder;
import io.stowage.barcodes.decode.DecodedBarcode;
import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.InvalidBarcodeException;
import io.stowage.barcodes.gs1.Sscc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarcodeRoundTripTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "CODE_128|A-03-02-B",
            "CODE_128|LPN000123456",
            "CODE_128|0123456789012345",
            "QR_CODE|https://id.gs1.org/01/09506000134352/10/ABC?17=201225",
            "QR_CODE|Lager Süd, Gang 3",
            "DATA_MATRIX|LPN000123456",
            "DATA_MATRIX|(01)09506000134352(10)ABC",
            "GS1_128|(00)106141411234567897",
            "GS1_128|(01)09506000134352(17)201225(10)ABC123",
            "GS1_128|(01)09506000134352(10)ABC123(17)201225(21)SN-9/7(3103)000750",
            "GS1_128|(02)09506000134352(37)24(400)PO-42"
    })
    void decodesWhatItRenders(Symbology symbology, String content) {
        byte[] png = BarcodeRenderer.renderPng(symbology, content, 400, 160);

        assertThat(BarcodeDecoder.decodeAll(png)).containsExactly(new DecodedBarcode(symbology, content));
    }

    /**
     * A Code 128 check character of 102 has FNC1's value: ZXing's reader took it for data and gave
     * the text a trailing GS, so one RMA in about a hundred did not read back from a return label.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "CODE_128|RMA-Y79MDJ3EVW",
            "CODE_128|RMA-H65CPC6VK7",
            "CODE_128|LPN-F0",
            "GS1_128|(01)09506000134352(10)LOTDG"
    })
    void decodesASymbolWhoseCheckCharacterIsFnc1sValue(Symbology symbology, String content) {
        Code128 symbol = symbology == Symbology.GS1_128 ? Code128.gs1(ElementString.parseBracketed(content)) : Code128.text(content);
        assertThat(symbol.checkValue()).isEqualTo(Code128.FNC1);
        byte[] png = BarcodeRenderer.renderPng(symbology, content, 400, 160);

        assertThat(BarcodeDecoder.decodeAll(png)).containsExactly(new DecodedBarcode(symbology, content));
    }

    /**
     * A check character of 97 ends a symbol whose last code set is B: ZXing's reader takes it for FNC2
     * and reports the identifier {@code ]C4}, though the symbol starts with FNC1 (GS1-128).
     */
    @ParameterizedTest
    @ValueSource(strings = {"(01)09506000134352(10)L2L", "(01)09506000134352(10)L35"})
    void decodesAGs1SymbolWhoseCheckCharacterIsFnc2sValue(String content) {
        assertThat(Code128.gs1(ElementString.parseBracketed(content)).checkValue()).isEqualTo(97);
        byte[] png = BarcodeRenderer.renderPng(Symbology.GS1_128, content, 400, 160);

        assertThat(BarcodeDecoder.decodeAll(png)).containsExactly(new DecodedBarcode(Symbology.GS1_128, content));
    }

    @Test
    void rendersAtLeastTheRequestedSizeWithAQuietZone() {
        BufferedImage image = BarcodeRenderer.render(Symbology.GS1_128, Sscc.of("0614141", 1, 123456789L)
                .elementString(), 500, 120);
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(500);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(120);
        int white = 0xFFFFFFFF;
        for (int y = 0; y < image.getHeight(); y++) {
            assertThat(image.getRGB(0, y)).isEqualTo(white);
            assertThat(image.getRGB(image.getWidth() - 1, y)).isEqualTo(white);
        }
        BufferedImage dataMatrix = BarcodeRenderer.render(Symbology.DATA_MATRIX, "LPN1", 120, 120);
        assertThat(dataMatrix.getRGB(0, 0)).isEqualTo(white);
        assertThat(dataMatrix.getRGB(dataMatrix.getWidth() / 2, 0)).isEqualTo(white);
    }

    @Test
    void findsSeveralBarcodesInOneImage() {
        BufferedImage label = new BufferedImage(900, 500, BufferedImage.TYPE_INT_RGB);
        var graphics = label.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, 900, 500);
        graphics.drawImage(BarcodeRenderer.render(Symbology.GS1_128, "(00)106141411234567897", 500, 150), 20, 20, null);
        graphics.drawImage(BarcodeRenderer.render(Symbology.QR_CODE, "LPN42", 200, 200), 600, 250, null);
        graphics.dispose();

        assertThat(BarcodeDecoder.decodeAll(label)).containsExactlyInAnyOrder(
                new DecodedBarcode(Symbology.GS1_128, "(00)106141411234567897"),
                new DecodedBarcode(Symbology.QR_CODE, "LPN42"));
    }

    @Test
    void returnsNothingForAnImageWithoutBarcodes() {
        BufferedImage blank = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        assertThat(BarcodeDecoder.decodeAll(blank)).isEmpty();
    }

    @Test
    void rejectsContentItCannotEncode() {
        assertThatThrownBy(() -> BarcodeRenderer.render(Symbology.GS1_128, "(01)09506000134353", 300, 100))
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessageContaining("AI (01)");
        assertThatThrownBy(() -> BarcodeRenderer.render(Symbology.CODE_128, "Straße", 300, 100))
                .isInstanceOf(InvalidBarcodeException.class);
        assertThatThrownBy(() -> BarcodeRenderer.render(Symbology.QR_CODE, "", 300, 100))
                .isInstanceOf(InvalidBarcodeException.class);
        assertThatThrownBy(() -> BarcodeDecoder.decodeAll(new byte[]{1, 2, 3}))
                .isInstanceOf(InvalidBarcodeException.class);
    }
}
