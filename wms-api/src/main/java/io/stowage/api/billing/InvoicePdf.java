package io.stowage.api.billing;

import io.stowage.api.documents.PdfFonts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * An invoice or credit note as a PDF (A4): the 3PL's and the merchant's details, the lines grouped
 * by kind of charge and rate (quantity, rate, amount), net, VAT and total, the issue and due dates.
 * The DejaVu fonts of every PDF of the service ({@code documents.PdfFonts}) are embedded, so names
 * with diacritics (Šiaulių, Ąžuolas, Київ) print as written.
 */
final class InvoicePdf {

    private static final float MARGIN = 50;

    private InvoicePdf() {
    }

    record Party(String name, String address, String vatNumber) {
    }

    static byte[] render(Invoices.Invoice invoice, Party issuer, Party merchant, List<Invoices.Line> groups, String bankAccount) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(title(invoice));
            document.getDocumentInformation().setCreator("Stowage");
            PdfFonts.Faces faces = PdfFonts.embed(document);
            PDFont regular = faces.regular();
            PDFont bold = faces.bold();
            Page page = new Page(document);
            String currency = invoice.currency();
            page.text(title(invoice), bold, 16, MARGIN);
            page.gap(6);
            page.text("Period: " + invoice.periodStart() + " to " + invoice.periodEnd().minusDays(1), regular, 10, MARGIN);
            page.text("Issued on: " + invoice.issuedOn() + "    Due on: " + invoice.dueOn(), regular, 10, MARGIN);
            if (invoice.note() != null) {
                page.text("Note: " + invoice.note(), regular, 10, MARGIN);
            }
            page.gap(10);
            page.text("From", bold, 10, MARGIN);
            party(page, issuer, regular);
            page.gap(6);
            page.text("Bill to", bold, 10, MARGIN);
            party(page, merchant, regular);
            page.gap(12);
            float[] columns = {MARGIN, 290, 370, 440, 545};
            page.row(columns, bold, 9, "Charge", "Quantity", "Unit", "Rate (" + currency + ")", "Amount (" + currency + ")");
            page.rule();
            for (Invoices.Line group : groups) {
                page.row(columns, regular, 9, ChargeKind.of(group.kind()).heading, quantity(group.quantity()), group.unit(),
                        Money.formatRate(group.rateMinor(), currency), Money.format(group.amountMinor(), currency));
            }
            page.rule();
            page.row(columns, regular, 10, "Net", "", "", "", Money.format(invoice.netMinor(), currency));
            page.row(columns, regular, 10, "VAT " + BigDecimal.valueOf(invoice.vatRateBp()).movePointLeft(2).stripTrailingZeros().toPlainString() + " %",
                    "", "", "", Money.format(invoice.vatMinor(), currency));
            page.row(columns, bold, 11, "Total " + currency, "", "", "", Money.format(invoice.totalMinor(), currency));
            page.gap(14);
            if (!bankAccount.isBlank()) {
                page.text("Pay to " + bankAccount + " by " + invoice.dueOn() + ", quoting " + invoice.number() + ".", regular, 9, MARGIN);
            }
            page.text("Amounts are rounded once per line, half up, to a whole minor unit; VAT once on the net.", regular, 8, MARGIN);
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing an invoice PDF to memory failed", e);
        }
    }

    private static String title(Invoices.Invoice invoice) {
        String what = "credit_note".equals(invoice.kind()) ? "Credit note" : "Invoice";
        return what + " " + (invoice.number() == null ? "(draft)" : invoice.number());
    }

    private static void party(Page page, Party party, PDFont font) throws IOException {
        page.text(party.name(), font, 10, MARGIN);
        for (String line : party.address().split("\\R|, ")) {
            page.text(line, font, 10, MARGIN);
        }
        if (party.vatNumber() != null && !party.vatNumber().isBlank()) {
            page.text("VAT number: " + party.vatNumber(), font, 10, MARGIN);
        }
    }

    private static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    /** The page being written and how far down it the text has come; a new page when the next row does not fit. */
    private static final class Page {

        private final PDDocument document;
        private PDPageContentStream content;
        private float y;

        Page(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float points) {
            y -= points;
        }

        void text(String text, PDFont font, float size, float x) throws IOException {
            need(size * 1.4f);
            show(text, font, size, x);
            y -= size * 1.4f;
        }

        /** Cells at the columns' left edges; the last column's cell ends at its edge (amounts right-aligned). */
        void row(float[] columns, PDFont font, float size, String... cells) throws IOException {
            need(size * 1.5f);
            for (int i = 0; i < cells.length; i++) {
                if (cells[i].isEmpty()) {
                    continue;
                }
                boolean last = i == cells.length - 1;
                float x = last ? columns[i] - font.getStringWidth(PdfFonts.printable(cells[i], font)) / 1000 * size : columns[i];
                show(cells[i], font, size, x);
            }
            y -= size * 1.5f;
        }

        void rule() throws IOException {
            need(6);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y + 2);
            content.lineTo(545, y + 2);
            content.stroke();
            y -= 6;
        }

        private void show(String text, PDFont font, float size, float x) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y - size);
            content.showText(PdfFonts.printable(text, font));
            content.endText();
        }

        void close() throws IOException {
            content.close();
        }
    }
}
