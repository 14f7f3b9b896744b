package io.stowage.scanner.camera;

import io.stowage.barcodes.gs1.Gs1CheckDigit;
import io.stowage.barcodes.render.Symbology;
import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.InputReader;
import io.stowage.scanner.input.KeyboardWedge;
import io.stowage.scanner.input.ScanClassifier;
import io.stowage.scanner.input.ScanKind;
import io.stowage.scanner.input.WedgeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Barcodes in images come out as a hardware scanner sends them (AIM identifier, data, ASCII 29 for FNC1),
 * and the input layer reads them as it reads keyboard-wedge scans: GS1 data, GTINs, site codes.
 */
class ImageDecoderTest {

    private static final String GS = "\u001d";

    @TempDir
    Path dir;

    private final ImageDecoder decoder = new ImageDecoder();
    /** A wedge that types "%" for FNC1: image data must not be read through that setting. */
    private final InputReader inputs = new InputReader(new KeyboardWedge(WedgeSettings.defaults().withFnc1Substitute("%")),
            ScanClassifier.withDefaults());

    private List<String> scans(Path image) {
        ImageDecoder.Read read = decoder.read(image);
        assertThat(read).as("%s", read).isInstanceOf(ImageDecoder.Found.class);
        return ((ImageDecoder.Found) read).scans();
    }

    private Input.Scanned scanned(Path image) {
        List<String> scans = scans(image);
        assertThat(scans).hasSize(1);
        return (Input.Scanned) inputs.decoded(scans.get(0));
    }

    @Test
    void gs1128IsReadWithFnc1AsGroupSeparatorAndItsAimIdentifier() {
        Path label = TestImages.stowage(dir, "gs1-128.png", Symbology.GS1_128, "(01)09506000134352(10)L%42(17)271231");

        assertThat(scans(label)).containsExactly("]C1" + "0109506000134352" + "10L%42" + GS + "17271231");
        Input.Scanned scan = scanned(label);
        assertThat(scan.scan().scan().symbology()).isEqualTo(io.stowage.scanner.input.Symbology.GS1_128);
        assertThat(scan.kind()).isEqualTo(ScanKind.PRODUCT_GTIN);
        assertThat(scan.scan().code()).isEqualTo("09506000134352");
        assertThat(scan.scan().lot()).contains("L%42");
        assertThat(scan.scan().expiry()).contains(LocalDate.of(2027, 12, 31));
    }

    @Test
    void gs1DataMatrixAndGs1QrCarryTheirGs1Identifiers() {
        Input.Scanned matrix = scanned(TestImages.stowage(dir, "dm.png", Symbology.GS1_DATA_MATRIX, "(01)09506000134352(17)280229(10)B7"));
        assertThat(matrix.scan().scan().raw().replace(GS, "<GS>")).isEqualTo("0109506000134352" + "17280229" + "10B7");
        assertThat(matrix.scan().scan().symbology()).isEqualTo(io.stowage.scanner.input.Symbology.GS1_DATA_MATRIX);
        assertThat(matrix.scan().lot()).contains("B7");
        assertThat(matrix.scan().expiry()).contains(LocalDate.of(2028, 2, 29));

        Input.Scanned sscc = scanned(TestImages.stowage(dir, "qr.png", Symbology.GS1_QR_CODE, "(00)095060001343520017"));
        assertThat(sscc.scan().scan().symbology()).isEqualTo(io.stowage.scanner.input.Symbology.GS1_QR_CODE);
        assertThat(sscc.kind()).isEqualTo(ScanKind.SSCC);
        assertThat(sscc.scan().code()).isEqualTo("095060001343520017");
    }

    @Test
    void eanAndUpcComeAsThirteenDigitsAndAreProducts() {
        assertThat(scans(TestImages.ean13(dir, "ean.png", "5901234123457"))).containsExactly("]E05901234123457");
        assertThat(scanned(TestImages.ean13(dir, "ean2.png", "5901234123457")).scan().code()).isEqualTo("05901234123457");
        assertThat(scans(TestImages.upcA(dir, "upca.png", "036000291452"))).containsExactly("]E00036000291452");

        String upcA = "01234500006" + Gs1CheckDigit.compute("01234500006");
        Input.Scanned upcE = scanned(TestImages.upcE(dir, "upce.png", "0123456"));
        assertThat(upcE.scan().scan().raw()).isEqualTo("0" + upcA);
        assertThat(upcE.kind()).isEqualTo(ScanKind.PRODUCT_GTIN);
        assertThat(upcE.scan().code()).isEqualTo("00" + upcA);
    }

    @Test
    void plainSymbolsCarryTheSitesOwnCodes() {
        Input.Scanned location = scanned(TestImages.stowage(dir, "loc.png", Symbology.CODE_128, "A-03-02-B"));
        assertThat(location.scan().scan().symbology()).isEqualTo(io.stowage.scanner.input.Symbology.CODE_128);
        assertThat(location.kind()).isEqualTo(ScanKind.LOCATION);
        assertThat(scanned(TestImages.stowage(dir, "lpn.png", Symbology.QR_CODE, "LPN000123")).kind()).isEqualTo(ScanKind.LPN);
        assertThat(scanned(TestImages.stowage(dir, "badge.png", Symbology.DATA_MATRIX, "B1042")).kind()).isEqualTo(ScanKind.BADGE);
    }

    /**
     * One Code 128 symbol in 103 has a check character of FNC2's or FNC1's value, which ZXing 3.5 reads as
     * that function: an identifier of {@code ]C4} or a trailing group separator. These three labels are such.
     */
    @Test
    void aGs1LabelWhoseCheckCharacterLooksLikeAFunctionIsReadAsPrinted() {
        String checkLikeFnc2 = "0104012340000448" + "10L77";
        String checkLikeFnc1 = "0104012340000967" + "10L77";
        String checkLikeFnc1InCodeSetC = "0104012340000271";
        for (String data : List.of(checkLikeFnc2, checkLikeFnc1, checkLikeFnc1InCodeSetC)) {
            Path label = TestImages.gs1128Unchecked(dir, data + ".png", data);

            assertThat(scans(label)).containsExactly("]C1" + data);
            Input.Scanned scan = scanned(label);
            assertThat(scan.kind()).as(data).isEqualTo(ScanKind.PRODUCT_GTIN);
            assertThat(scan.scan().problem()).as(data).isEmpty();
            assertThat(scan.scan().code()).isEqualTo(data.substring(2, 16));
        }
    }

    @Test
    void aGs1LabelWithAWrongCheckDigitIsReadAsPrintedAndTheInputLayerSaysWhatIsWrong() {
        Path label = TestImages.gs1128Unchecked(dir, "bad-check.png", "0109506000134353" + "10L42");

        assertThat(scans(label)).containsExactly("]C10109506000134353" + "10L42");
        Input.Scanned scan = scanned(label);
        assertThat(scan.kind()).isEqualTo(ScanKind.UNKNOWN);
        assertThat(scan.scan().problem()).hasValueSatisfying(problem -> assertThat(problem).containsIgnoringCase("check digit"));
    }

    @Test
    void whatIsNoUsableImageIsSaidInAWorkersWords() {
        assertThat(decoder.read(TestImages.garbage(dir, "photo.jpg")))
                .isEqualTo(new ImageDecoder.Unreadable("photo.jpg", "photo.jpg is not an image this device reads (PNG, JPEG, GIF, BMP)"));
        assertThat(decoder.read(TestImages.blank(dir, "wall.png")))
                .isEqualTo(new ImageDecoder.Unreadable("wall.png", "No barcode found in wall.png: photograph it closer, flat and sharp"));
        assertThat(decoder.read(dir.resolve("gone.png")))
                .isEqualTo(new ImageDecoder.Unreadable("gone.png", "No image gone.png on this device"));
        assertThat(scans(TestImages.twoSymbols(dir, "label.png"))).containsExactlyInAnyOrder("]Q1LPN000123", "]d1A-03-02-B");
    }
}
