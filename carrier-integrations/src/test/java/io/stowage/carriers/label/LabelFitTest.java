package io.stowage.carriers.label;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import io.stowage.barcodes.decode.BarcodeDecoder;
import io.stowage.barcodes.decode.DecodedBarcode;
import io.stowage.barcodes.gs1.Sscc;
import io.stowage.barcodes.render.Symbology;
import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.LabelDocuments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every generated label is checked twice: its ZPL barcodes are measured from the ZPL commands and
 * must fit the 812-dot label with their quiet zones, and its PNG and PDF renderings are decoded.
 */
class LabelFitTest {

    private static final int LABEL_WIDTH = 812;
    private static final String LONG_URL = "https://www.omniva.ee/private/track-and-trace?barcode=LV1234ABCD5678EFGH9012IJKL"
            + "&lang=lv&utm_source=label&utm_medium=print&utm_campaign=stowage-3pl-riga-warehouse&ref=SO-1001-2026-11-19";

    static Stream<ShippingLabel> labels() {
        return Stream.of(
                label("CE000000017EE", "https://www.omniva.ee/track?barcode=CE000000017EE",
                        new Address("Anna Bērziņa", "", "Brīvības iela 10-4", "", "Rīga", "LV-1010", "LV", "", "")),
                // 26 characters: at the old ^BY3 it needed 1,023 dots.
                label("LV1234ABCD5678EFGH9012IJKL", LONG_URL,
                        new Address("Ļubova Ņikitina", "Ēdoles pils", "Ķīšezera iela 1", "", "Jūrmala", "LV-2015", "LV", "", "")),
                label("JJD0002249582316098730", "https://tracking.example.lt/?id=JJD0002249582316098730",
                        new Address("Žydrūnė Ąžuolaitė-Čepulienė", "", "Gedimino pr. 9", "", "Vilnius", "01103", "LT", "", "")),
                label("0012345678901234567890", "https://track.ukrposhta.ua/tracking_UA.html?barcode=0012345678901234567890",
                        new Address("Олександр Шевченко", "", "вул. Хрещатик, 22", "", "Київ", "01001", "UA", "", "")),
                label("AB>12_^~", "https://sledenje.posta.si/?q=AB12",
                        new Address("Tomaž Čuk", "", "Čopova ulica 11", "", "Ljubljana", "1000", "SI", "", "")));
    }

    @ParameterizedTest
    @MethodSource("labels")
    void everyZplBarcodeFitsTheLabelWithItsQuietZones(ShippingLabel label) {
        String zpl = new String(new LabelRenderer().render(label).zpl(), StandardCharsets.UTF_8);

        List<ZplGeometry.Linear> linear = ZplGeometry.linear(zpl);
        assertThat(linear).hasSize(2);
        for (ZplGeometry.Linear barcode : linear) {
            int quietZone = 10 * barcode.module();
            assertThat(barcode.x() - quietZone).as("left quiet zone of " + barcode.data()).isGreaterThanOrEqualTo(0);
            assertThat(barcode.x() + barcode.width() + quietZone).as("right edge of " + barcode.data())
                    .isLessThanOrEqualTo(LABEL_WIDTH);
            assertThat(barcode.module()).isGreaterThanOrEqualTo(2);
        }
        assertThat(ZplGeometry.text(linear.get(0).data())).isEqualTo(label.trackingNumber());
        ZplGeometry.Linear sscc = linear.get(1);
        assertThat(sscc.data()).as("start C, FNC1 first").startsWith(">;>8");
        assertThat(ZplGeometry.text(sscc.data())).isEqualTo("00" + label.sscc().value());
        assertThat(sscc.module()).as("GS1 logistic label X dimension ≥ 0.495 mm").isGreaterThanOrEqualTo(4);
        assertThat(sscc.height()).as("32 mm at 203 dpi").isEqualTo(256);

        List<ZplGeometry.Qr> qrs = ZplGeometry.qr(zpl);
        assertThat(qrs).hasSize(1);
        ZplGeometry.Qr qr = qrs.get(0);
        assertThat(qr.data()).isEqualTo(label.trackingUrl());
        int modules = 17 + 4 * version(qr.mode(), qr.data(), qr.errorCorrection());
        int quietZone = 4 * qr.magnification();
        assertThat(qr.x() - quietZone).isGreaterThanOrEqualTo(0);
        assertThat(qr.x() + modules * qr.magnification() + quietZone).isLessThanOrEqualTo(LABEL_WIDTH);
        assertThat(qr.magnification()).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("labels")
    void everyBarcodeOfThePngAndPdfDecodes(ShippingLabel label) throws IOException {
        LabelDocuments documents = new LabelRenderer().render(label);
        List<DecodedBarcode> expected = List.of(
                new DecodedBarcode(Symbology.CODE_128, label.trackingNumber()),
                new DecodedBarcode(Symbology.GS1_128, label.sscc().elementString()),
                new DecodedBarcode(Symbology.QR_CODE, label.trackingUrl()));

        assertThat(BarcodeDecoder.decodeAll(documents.png())).containsAll(expected);
        try (PDDocument pdf = Loader.loadPDF(documents.pdf())) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 203, ImageType.GRAY);
            assertThat(BarcodeDecoder.decodeAll(page)).containsAll(expected);
            assertThat(new PDFTextStripper().getText(pdf)).contains(label.recipient().name());
        }
    }

    @ParameterizedTest
    @MethodSource("labels")
    void zplPrintsTextInTheResidentUnicodeFontAsUtf8(ShippingLabel label) {
        String zpl = new String(new LabelRenderer().render(label).zpl(), StandardCharsets.UTF_8);

        assertThat(zpl).contains("^CI28").doesNotContain("^A0");
        assertThat(zpl.lines().filter(line -> line.contains("^A")))
                .isNotEmpty()
                .allMatch(line -> line.contains("^A@N,") && line.contains(",E:TT0003M_.TTF^FH^FD"));
        assertThat(zpl).contains(label.recipient().name(), label.recipient().street1(), label.recipient().city());
    }

    @Test
    void theSsccBarsAre32MillimetresTallOnThePngAndThePdf() throws IOException {
        ShippingLabel label = labels().findFirst().orElseThrow();
        LabelElement.LinearBarcode sscc = LabelLayout.lay(label).stream()
                .filter(e -> e instanceof LabelElement.LinearBarcode b && b.symbology() == Symbology.GS1_128)
                .map(LabelElement.LinearBarcode.class::cast).findFirst().orElseThrow();
        assertThat(sscc.heightDots()).isEqualTo(256);
        LabelDocuments documents = new LabelRenderer().render(label);

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(documents.png()));
        assertThat(darkRun(png, sscc.x() + 1, sscc.y() + 10)).isEqualTo(256);
        try (PDDocument pdf = Loader.loadPDF(documents.pdf())) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 203, ImageType.GRAY);
            assertThat(darkRun(page, sscc.x() + 1, sscc.y() + 10)).isBetween(254, 258);
        }
    }

    @Test
    void aTrackingNumberTooLongForTheLabelIsRefusedBeforePrinting() {
        ShippingLabel tooLong = label("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ", "https://x.example/t",
                Address.of("A", "Street 1", "Rīga", "LV-1010", "LV"));

        assertThatThrownBy(() -> new LabelRenderer().render(tooLong))
                .isInstanceOf(LabelRenderingException.class)
                .hasMessageContaining("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ")
                .hasMessageContaining("812 dots");
    }

    @Test
    void aQrUrlTooLongForItsSpaceIsRefusedBeforePrinting() {
        ShippingLabel tooLong = label("CE000000017EE", "https://x.example/" + "t".repeat(400),
                Address.of("A", "Street 1", "Rīga", "LV-1010", "LV"));

        assertThatThrownBy(() -> new LabelRenderer().render(tooLong))
                .isInstanceOf(LabelRenderingException.class)
                .hasMessageContaining("QR");
    }

    @Test
    void longRecipientLinesEndInAnEllipsisInsideTheMargin() throws IOException {
        String street = "Brīvības gatve 214 k-3, dzīvoklis 118, ieeja no pagalma puses, kods 4471";
        ShippingLabel label = label("CE000000017EE", "https://x.example/t",
                new Address("Anna Bērziņa", "", street, "", "Rīga", "LV-1010", "LV", "", ""));

        List<LabelElement> elements = LabelLayout.lay(label);
        LabelElement.Text line = elements.stream().filter(e -> e instanceof LabelElement.Text t
                        && t.text().startsWith("Brīvības gatve")).map(LabelElement.Text.class::cast)
                .findFirst().orElseThrow();
        assertThat(line.text()).endsWith("…").isNotEqualTo(street);
        assertThat(LabelFonts.width(line.text(), line.heightDots(), line.bold()))
                .isLessThanOrEqualTo(LABEL_WIDTH - 2 * LabelLayout.MARGIN);

        LabelDocuments documents = new LabelRenderer().render(label);
        assertThat(new String(documents.zpl(), StandardCharsets.UTF_8)).contains(line.text());
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(documents.png()));
        for (int y = line.y(); y < line.y() + line.heightDots() + 10; y++) {
            for (int x = LABEL_WIDTH - LabelLayout.MARGIN + 1; x < LABEL_WIDTH; x++) {
                assertThat(png.getRaster().getSample(x, y, 0)).as("pixel %d,%d in the right margin", x, y)
                        .isGreaterThan(200);
            }
        }
    }

    private static ShippingLabel label(String tracking, String url, Address recipient) {
        return new ShippingLabel("Omniva", "Parcel locker",
                Address.of("Stowage Riga", "Krasta iela 52", "Rīga", "LV-1003", "LV"), recipient,
                2_350, tracking, url, Sscc.of("4750001", 3, 1234), "SO-1001", LocalDate.of(2026, 11, 19));
    }

    private static int darkRun(BufferedImage image, int x, int yInside) {
        int top = yInside;
        while (top > 0 && image.getRaster().getSample(x, top - 1, 0) < 128) {
            top--;
        }
        int bottom = yInside;
        while (bottom < image.getHeight() - 1 && image.getRaster().getSample(x, bottom + 1, 0) < 128) {
            bottom++;
        }
        return bottom - top + 1;
    }

    /** The smallest QR version whose data capacity holds the data in the given mode (ISO/IEC 18004 tables via ZXing). */
    private static int version(char mode, String data, char errorCorrection) {
        ErrorCorrectionLevel level = ErrorCorrectionLevel.valueOf(String.valueOf(errorCorrection));
        int n = mode == 'B' ? data.getBytes(StandardCharsets.UTF_8).length : data.length();
        for (int v = 1; v <= 40; v++) {
            Version version = Version.getVersionForNumber(v);
            int capacity = (version.getTotalCodewords() - version.getECBlocksForLevel(level).getTotalECCodewords()) * 8;
            int countBits = switch (mode) {
                case 'N' -> v < 10 ? 10 : v < 27 ? 12 : 14;
                case 'A' -> v < 10 ? 9 : v < 27 ? 11 : 13;
                default -> v < 10 ? 8 : 16;
            };
            int dataBits = switch (mode) {
                case 'N' -> 10 * (n / 3) + (n % 3 == 1 ? 4 : n % 3 == 2 ? 7 : 0);
                case 'A' -> 11 * (n / 2) + 6 * (n % 2);
                default -> 8 * n;
            };
            if (4 + countBits + dataBits <= capacity) {
                return v;
            }
        }
        throw new AssertionError("no QR version holds " + n + " characters");
    }
}
