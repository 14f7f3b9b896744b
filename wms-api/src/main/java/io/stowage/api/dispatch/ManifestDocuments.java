package io.stowage.api.dispatch;

import io.stowage.api.documents.PdfFonts;
import io.stowage.api.network.Node;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A closed load's manifest, the carrier's end-of-day document: as CSV for the carrier's systems and
 * as an A4 PDF the driver signs, in the embedded DejaVu Sans ({@link PdfFonts}) so names and addresses print as written. Both list every carton with its SSCC, tracking number and weight,
 * and the totals. Pure CPU work; callers run it off the event loop.
 */
final class ManifestDocuments {

    static final String CSV_HEADER = "manifest_number,ship_day,carrier,sscc,tracking_number,weight_grams,order_number,carton_number,service_code";

    private static final float MARGIN = 40;
    private static final float LINE = 14;
    private static final float[] COLUMNS = {MARGIN, 150, 275, 330, 440};
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ManifestDocuments() {
    }

    /** RFC 4180 CSV with a header row, CRLF line ends, UTF-8. */
    static byte[] csv(LoadView load) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (LoadView.Carton carton : load.cartons()) {
            out.append(String.join(",", List.of(field(load.manifestNumber()), load.shipDay().toString(), field(load.carrier()),
                    carton.sscc(), field(carton.trackingNumber()), Integer.toString(carton.weightGrams()), field(carton.orderNumber()),
                    Integer.toString(carton.cartonNumber()), field(carton.serviceCode())))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One CSV field: quoted when it holds a comma, quote or line break; a value a spreadsheet would
     * run as a formula (it starts with =, +, - or @; order numbers come from merchants) gets a
     * leading apostrophe so it is shown as text.
     */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** The A4 manifest: header, one row per carton (continued on further pages), totals and signatures. */
    static byte[] pdf(LoadView load, Node node) {
        try (PDDocument document = new PDDocument()) {
            PdfFonts.Faces fonts = PdfFonts.embed(document);
            PDFont regular = fonts.regular();
            PDFont bold = fonts.bold();
            ZoneId zone = ZoneId.of(node.timeZone());
            List<String[]> rows = new ArrayList<>();
            for (LoadView.Carton carton : load.cartons()) {
                rows.add(new String[] {carton.sscc(), carton.trackingNumber(), kilograms(carton.weightGrams()),
                        carton.orderNumber() + " #" + carton.cartonNumber(), carton.serviceCode()});
            }
            Page page = new Page(document, regular, bold);
            page.title("Carrier manifest " + load.manifestNumber());
            page.text(regular, 10, "Carrier: " + load.carrier() + "    Ship day: " + load.shipDay()
                    + (load.trailer() == null ? "" : "    Trailer: " + load.trailer())
                    + (load.dockCode() == null ? "" : "    Dock: " + load.dockCode()));
            Node.Address a = node.address();
            page.text(regular, 10, "From: " + node.name() + " (" + node.code() + "), " + a.line() + ", " + a.postalCode() + " " + a.city()
                    + ", " + a.country());
            page.text(regular, 10, "Closed " + WHEN.format(load.closedAt().atZone(zone)) + " (" + zone + ") by " + load.closedBy());
            page.gap();
            page.header();
            for (String[] row : rows) {
                if (page.full(3)) {
                    page = page.next(load.manifestNumber());
                    page.header();
                }
                page.row(regular, row);
            }
            if (page.full(6)) {
                page = page.next(load.manifestNumber());
            }
            page.gap();
            page.text(bold, 11, "Parcels: " + load.parcels() + "    Total weight: " + kilograms(load.weightGrams()) + " kg");
            page.gap();
            page.gap();
            page.text(regular, 10, "Driver's name and signature: ______________________________   Date/time: ______________");
            page.gap();
            page.text(regular, 10, "Dispatcher's signature: ___________________________________");
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PDF to memory failed", e);
        }
    }

    static String kilograms(long grams) {
        return String.format(Locale.ROOT, "%.3f", grams / 1000.0);
    }

    /** One page being written, top to bottom. */
    private static final class Page {
        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private final PDPageContentStream content;
        private float y;

        Page(PDDocument document, PDFont regular, PDFont bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            this.content = new PDPageContentStream(document, page);
            this.y = PDRectangle.A4.getHeight() - MARGIN;
        }

        Page next(String manifestNumber) throws IOException {
            close();
            Page next = new Page(document, regular, bold);
            next.text(bold, 12, "Carrier manifest " + manifestNumber + " (continued)");
            next.gap();
            return next;
        }

        void title(String text) throws IOException {
            text(bold, 16, text);
            gap();
        }

        void text(PDFont font, float size, String text) throws IOException {
            at(font, size, MARGIN, text);
            y -= LINE;
        }

        void header() throws IOException {
            String[] names = {"SSCC", "Tracking number", "Weight kg", "Order / carton", "Service"};
            for (int i = 0; i < names.length; i++) {
                at(bold, 9, COLUMNS[i], names[i]);
            }
            y -= 4;
            content.moveTo(MARGIN, y);
            content.lineTo(PDRectangle.A4.getWidth() - MARGIN, y);
            content.stroke();
            y -= LINE;
        }

        void row(PDFont font, String[] cells) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                at(font, 9, COLUMNS[i], clip(font, cells[i], (i + 1 < COLUMNS.length ? COLUMNS[i + 1] : PDRectangle.A4.getWidth() - MARGIN) - COLUMNS[i] - 6));
            }
            y -= LINE;
        }

        private static String clip(PDFont font, String text, float width) throws IOException {
            String shown = PdfFonts.printable(text == null ? "" : text, font);
            while (!shown.isEmpty() && font.getStringWidth(shown) / 1000f * 9 > width) {
                shown = shown.substring(0, shown.length() - 1);
            }
            return shown;
        }

        void gap() {
            y -= LINE / 2;
        }

        boolean full(int linesNeeded) {
            return y - linesNeeded * LINE < MARGIN;
        }

        private void at(PDFont font, float size, float x, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(PdfFonts.printable(text, font));
            content.endText();
        }

        void close() throws IOException {
            content.close();
        }
    }
}
