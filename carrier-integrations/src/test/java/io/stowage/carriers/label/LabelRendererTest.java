package io.stowage.carriers.label;

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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LabelRendererTest {

    private static final Sscc SSCC = Sscc.of("4750001", 3, 1234);
    private static final ShippingLabel LABEL = new ShippingLabel("Omniva", "Parcel locker",
            Address.of("Stowage Riga", "Krasta iela 52", "Rīga", "LV-1003", "LV"),
            new Address("Anna Bērziņa", "", "Brīvības iela 10-4", "", "Rīga", "LV-1010", "LV", "", ""),
            2_350, "CE000000017EE", "https://www.omniva.ee/track?barcode=CE000000017EE", SSCC, "SO-1001",
            LocalDate.of(2026, 11, 19));

    @Test
    void thePngIsFourBySixInchesAt203DpiAndEveryBarcodeDecodes() throws IOException {
        LabelDocuments documents = new LabelRenderer().render(LABEL);

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(documents.png()));
        assertThat(png.getWidth()).isEqualTo(812);
        assertThat(png.getHeight()).isEqualTo(1218);
        assertThat(BarcodeDecoder.decodeAll(documents.png())).contains(
                new DecodedBarcode(Symbology.CODE_128, "CE000000017EE"),
                new DecodedBarcode(Symbology.GS1_128, "(00)" + SSCC.value()),
                new DecodedBarcode(Symbology.QR_CODE, LABEL.trackingUrl()));
    }

    /** This RMA's Code 128 check character has FNC1's value, which a reader can take for data. */
    @Test
    void aReturnLabelReadsBackItsTrackingNumberAndRma() {
        ReturnShippingLabel label = new ReturnShippingLabel("Sandbox", "Return", LABEL.recipient(), LABEL.sender(), 500,
                "SBR0000400870", "https://carrier.example/track/SBR0000400870", "RMA-Y79MDJ3EVW", "SO-1001", LABEL.shipDate());

        assertThat(BarcodeDecoder.decodeAll(new LabelRenderer().render(label).png())).contains(
                new DecodedBarcode(Symbology.CODE_128, "SBR0000400870"),
                new DecodedBarcode(Symbology.CODE_128, "RMA-Y79MDJ3EVW"));
    }

    @Test
    void thePdfCarriesReadableTextAndDecodableBarcodes() throws IOException {
        byte[] pdf = new LabelRenderer().render(LABEL).pdf();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(288f);
            assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(432f);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Omniva", "Parcel locker", "Brīvības iela 10-4", "LV-1010 Rīga",
                    "Order SO-1001", "2.35 kg", "CE000000017EE", "(00)" + SSCC.value());
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 203, ImageType.GRAY);
            List<DecodedBarcode> decoded = BarcodeDecoder.decodeAll(page);
            assertThat(decoded).contains(new DecodedBarcode(Symbology.CODE_128, "CE000000017EE"),
                    new DecodedBarcode(Symbology.GS1_128, "(00)" + SSCC.value()));
        }
    }

    @Test
    void withoutAUnicodeFontThePdfFallsBackToUnaccentedLetters() throws IOException {
        byte[] pdf = new LabelRenderer(new PdfLabelWriter(Optional.empty())).render(LABEL).pdf();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Anna Berzina", "Brivibas iela 10-4");
        }
    }

    @Test
    void zplHasEveryFieldAndEscapesPrinterCommands() {
        ShippingLabel hostile = new ShippingLabel(LABEL.carrierName(), LABEL.serviceName(), LABEL.sender(),
                Address.of("Evil ^XZ~JR name_x", "Street 1", "Rīga", "LV-1010", "LV"), LABEL.weightGrams(),
                LABEL.trackingNumber(), LABEL.trackingUrl(), SSCC, LABEL.orderReference(), LABEL.shipDate());

        String zpl = new String(new LabelRenderer().render(hostile).zpl(), StandardCharsets.UTF_8);

        assertThat(zpl).startsWith("^XA").endsWith("^XZ\n").contains("^PW812", "^LL1218", "^CI28");
        assertThat(zpl).contains("^BCN,130,N,N,N,N^FH^FD>:CE0>500000017>6EE^FS");
        assertThat(zpl).contains("^BY4^BCN,256,N,N,N,N^FH^FD>;>8" + "00" + SSCC.value() + "^FS");
        assertThat(zpl).contains("^FH^FDMM,B0049https://www.omniva.ee/track?barcode=CE000000017EE^FS");
        assertThat(zpl).contains("Evil _5EXZ_7EJR name_5Fx").doesNotContain("Evil ^XZ");
        assertThat(zpl).contains("Rīga", "Order SO-1001");
        assertThat(zpl.split("\\^XZ", -1)).hasSize(2);
    }

    @Test
    void ssccIssuerNumbersCartonsFromTheCompanyPrefix() {
        SsccIssuer issuer = new SsccIssuer("4750001", 0, new InMemorySerialReferenceSource(1));

        Sscc first = issuer.next();
        Sscc second = issuer.next();

        assertThat(first.value()).startsWith("04750001").hasSize(18);
        assertThat(first.value()).isEqualTo(Sscc.of("4750001", 0, 1).value());
        assertThat(second).isNotEqualTo(first);
    }
}
