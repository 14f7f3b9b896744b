package io.stowage.barcodes.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.stowage.barcodes.decode.BarcodeDecoder;
import io.stowage.barcodes.decode.DecodedBarcode;
import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.InvalidBarcodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GS1 DataMatrix and GS1 QR Code carry FNC1 in first position, so a scanner reports them as
 * {@code ]d2} and {@code ]Q3} and sends element strings; plain Data Matrix takes text in any script.
 */
class Gs1MatrixSymbolsTest {

    private static final String[] ELEMENT_STRINGS = {
            "(01)09506000134352(17)261231(10)LOT-7",
            "(00)106141411234567897",
            "(01)09506000134352(10)ABC123(21)SN/42(3103)000750",
            // '%' in a GS1 QR Code's alphanumeric segment is the separator unless written "%%".
            "(01)09506000134352(10)A%B",
            "(01)09506000134352(10)a%b(21)X%Y",
    };

    @ParameterizedTest
    @CsvSource({
            "GS1_DATA_MATRIX, DATA_MATRIX, ]d2",
            "GS1_QR_CODE, QR_CODE, ]Q3",
    })
    void zxingReadsTheSymbolAsGs1AndTheElementStringsRoundTripThroughTheParser(Symbology symbology,
                                                                              BarcodeFormat format,
                                                                              String symbologyIdentifier) {
        for (String elementString : ELEMENT_STRINGS) {
            BufferedImage image = BarcodeRenderer.render(symbology, elementString, 300, 300);

            Result read = readWithZxing(image, format);
            assertThat(read.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER))
                    .isEqualTo(symbologyIdentifier);
            ElementString parsed = ElementString.parseUnbracketed(symbologyIdentifier + read.getText());
            assertThat(parsed).isEqualTo(ElementString.parseBracketed(elementString));
            assertThat(BarcodeDecoder.decodeAll(image)).containsExactly(new DecodedBarcode(symbology, elementString));
        }
    }

    @Test
    void plainMatrixSymbolsAreNotMistakenForGs1() {
        String text = "0109506000134352";
        assertThat(BarcodeDecoder.decodeAll(BarcodeRenderer.render(Symbology.DATA_MATRIX, text, 200, 200)))
                .containsExactly(new DecodedBarcode(Symbology.DATA_MATRIX, text));
        assertThat(BarcodeDecoder.decodeAll(BarcodeRenderer.render(Symbology.QR_CODE, text, 200, 200)))
                .containsExactly(new DecodedBarcode(Symbology.QR_CODE, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(01)09506000134353", "(10)", "01095060001343"})
    void invalidGs1DataIsRefusedBeforeDrawing(String content) {
        assertThatThrownBy(() -> BarcodeRenderer.render(Symbology.GS1_DATA_MATRIX, content, 200, 200))
                .isInstanceOf(InvalidBarcodeException.class);
        assertThatThrownBy(() -> BarcodeRenderer.render(Symbology.GS1_QR_CODE, content, 200, 200))
                .isInstanceOf(InvalidBarcodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Rīga, Brīvības iela 10-4, Ņ",     // Latvian
            "Vilnius, Žalgirio g. 92, ąęėįųū", // Lithuanian
            "Київ, вул. Хрещатик, 22",          // Ukrainian
            "Ljubljana, Čopova ulica, šž",      // Slovenian
            "Lager Süd 😀",                     // outside the Basic Multilingual Plane
    })
    void dataMatrixCarriesTextOutsideLatin1(String text) {
        // Before, ZXing's default Data Matrix encoder threw on any character outside ISO-8859-1.
        BufferedImage image = BarcodeRenderer.render(Symbology.DATA_MATRIX, text, 240, 240);

        assertThat(BarcodeDecoder.decodeAll(image)).containsExactly(new DecodedBarcode(Symbology.DATA_MATRIX, text));
    }

    @Test
    void contentTooLongForTheLargestSymbolIsAClearError() {
        assertThatThrownBy(() -> BarcodeRenderer.render(Symbology.DATA_MATRIX, "ā".repeat(1000), 200, 200))
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessageContaining("more than the largest symbol holds");
    }

    private static Result readWithZxing(BufferedImage image, BarcodeFormat format) {
        MultiFormatReader reader = new MultiFormatReader();
        try {
            return reader.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format), DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (NotFoundException e) {
            throw new AssertionError("ZXing found no " + format + " symbol", e);
        }
    }
}
