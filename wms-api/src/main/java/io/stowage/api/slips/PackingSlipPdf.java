package io.stowage.api.slips;

import io.stowage.api.documents.PdfFonts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws a packing slip as a PDF, in the service's embedded DejaVu Sans ({@link PdfFonts}): names,
 * addresses and thank-you notes in Lithuanian, Latvian, Slovene or Ukrainian print as written. Long names and messages wrap; a carton with many lines runs onto
 * further pages.
 */
final class PackingSlipPdf {

    private static final float MM = 72f / 25.4f;

    private PackingSlipPdf() {
    }

    static byte[] render(PackingSlip slip, PaperSize size) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Packing slip " + slip.orderNumber() + " / " + slip.cartonNumber());
            info.setCreator("Stowage");
            PdfFonts.Faces fonts = PdfFonts.embed(document);
            new Layout(document, size.page(), fonts.regular(), fonts.bold()).draw(slip, SlipLanguage.fromCode(slip.language()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a packing slip PDF to memory failed", e);
        }
    }

    /** One slip being drawn: the current page and how far down it the text has come. */
    private static final class Layout {

        private final PDDocument document;
        private final PDRectangle paper;
        private final PDFont regular;
        private final PDFont bold;
        private final float scale;
        private final float margin;
        private final float width;
        private PDPageContentStream content;
        private float y;

        Layout(PDDocument document, PDRectangle paper, PDFont regular, PDFont bold) {
            this.document = document;
            this.paper = paper;
            this.regular = regular;
            this.bold = bold;
            // A4 is A5 enlarged by the square root of two; the text grows less, so A4 keeps more room.
            this.scale = Math.min(paper.getWidth() / PDRectangle.A5.getWidth(), 1.2f);
            this.margin = 12 * MM * scale;
            this.width = paper.getWidth() - 2 * margin;
        }

        void draw(PackingSlip slip, SlipLanguage language) throws IOException {
            SlipLanguage.Texts texts = language.texts();
            newPage();
            try {
                if (slip.merchantName() != null) {
                    text(slip.merchantName(), regular, 9, margin);
                }
                text(texts.title(), bold, 16, margin);
                gap(4);
                labelled(texts.order(), slip.orderNumber());
                text(language.parcel(slip.cartonNumber(), slip.cartonCount()), bold, 11, margin);
                labelled(texts.shipTo(), slip.customerName());
                gap(8);
                lines(slip.lines(), texts);
                if (slip.giftMessage() != null && !slip.giftMessage().isBlank()) {
                    gap(10);
                    text(texts.giftMessage(), bold, 10, margin);
                    paragraph("\u201C" + slip.giftMessage().strip() + "\u201D", regular, 11, margin);
                }
                List<PackingSlip.Insert> inCarton = slip.inserts().stream().filter(PackingSlip.Insert::inCarton).toList();
                if (!inCarton.isEmpty()) {
                    gap(10);
                    text(texts.inserts(), bold, 10, margin);
                    for (PackingSlip.Insert insert : inCarton) {
                        paragraph(insert.quantity() + " \u00D7 " + insert.name(), regular, 10, margin + 6 * scale);
                    }
                }
                gap(14);
                paragraph(language.thankYou(slip.customerName()), regular, 11, margin);
                gap(6);
                paragraph(language.packedBy(slip.packerName()), bold, 11, margin);
            } finally {
                content.close();
            }
        }

        /** The carton's lines as a table: item (with its SKU beneath), size, colour, quantity. */
        private void lines(List<PackingSlip.Line> lines, SlipLanguage.Texts texts) throws IOException {
            float quantityX = margin + width * 0.86f;
            float colourX = margin + width * 0.64f;
            float sizeX = margin + width * 0.48f;
            float itemWidth = sizeX - margin - 4 * scale;
            need(size(10) * 3);
            row(texts.item(), texts.size(), texts.colour(), texts.quantity(), bold, sizeX, colourX, quantityX);
            rule();
            for (PackingSlip.Line line : lines) {
                List<String> name = wrap(line.name(), regular, size(10), itemWidth);
                need(size(10) * 1.3f * name.size() + size(8) * 1.6f);
                row(name.get(0), dash(line.size()), dash(line.colour()), Integer.toString(line.quantity()), regular, sizeX, colourX, quantityX);
                for (String more : name.subList(1, name.size())) {
                    text(more, regular, 10, margin);
                }
                text(line.sku(), regular, 8, margin);
                y -= 2 * scale;
            }
            rule();
        }

        private void row(String item, String size, String colour, String quantity, PDFont font, float sizeX, float colourX, float quantityX)
                throws IOException {
            float fontSize = size(10);
            float baseline = y - fontSize;
            show(fit(item, font, fontSize, sizeX - margin - 4 * scale), font, fontSize, margin, baseline);
            show(fit(size, font, fontSize, colourX - sizeX - 4 * scale), font, fontSize, sizeX, baseline);
            show(fit(colour, font, fontSize, quantityX - colourX - 4 * scale), font, fontSize, colourX, baseline);
            show(quantity, font, fontSize, margin + width - width(quantity, font, fontSize), baseline);
            y -= fontSize * 1.3f;
        }

        private void labelled(String label, String value) throws IOException {
            float fontSize = size(10);
            String prefix = label + ": ";
            float indent = width(prefix, bold, fontSize);
            List<String> wrapped = wrap(value, regular, fontSize, width - indent);
            need(fontSize * 1.3f * wrapped.size());
            show(prefix, bold, fontSize, margin, y - fontSize);
            for (String line : wrapped) {
                show(line, regular, fontSize, margin + indent, y - fontSize);
                y -= fontSize * 1.3f;
            }
        }

        private void paragraph(String text, PDFont font, float points, float x) throws IOException {
            for (String paragraphLine : text.split("\\R")) {
                for (String line : wrap(paragraphLine, font, size(points), margin + width - x)) {
                    text(line, font, points, x);
                }
            }
        }

        private void text(String text, PDFont font, float points, float x) throws IOException {
            float fontSize = size(points);
            need(fontSize * 1.3f);
            show(text, font, fontSize, x, y - fontSize);
            y -= fontSize * 1.3f;
        }

        private void show(String text, PDFont font, float fontSize, float x, float baseline) throws IOException {
            content.beginText();
            content.setFont(font, fontSize);
            content.newLineAtOffset(x, baseline);
            content.showText(PdfFonts.printable(text, font));
            content.endText();
        }

        private void rule() throws IOException {
            need(4 * scale);
            content.setLineWidth(0.5f);
            content.moveTo(margin, y - 1.5f * scale);
            content.lineTo(margin + width, y - 1.5f * scale);
            content.stroke();
            y -= 4 * scale;
        }

        private void gap(float points) {
            y -= points * scale;
        }

        private float size(float points) {
            return points * scale;
        }

        /** Starts a new page when less than {@code height} is left on this one. */
        private void need(float height) throws IOException {
            if (y - height < margin) {
                content.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(paper);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = paper.getHeight() - margin;
        }

        private static String dash(String value) {
            return value == null || value.isBlank() ? "\u2013" : value;
        }

        /** Words onto lines no wider than {@code maxWidth}; a word wider than a line is cut. */
        private static List<String> wrap(String text, PDFont font, float fontSize, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.strip().split("\\s+")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, fontSize) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, font, fontSize) > maxWidth) {
                    String piece = fit(rest, font, fontSize, maxWidth, "");
                    lines.add(piece);
                    rest = rest.substring(piece.length());
                }
                line.append(rest);
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private static String fit(String text, PDFont font, float fontSize, float maxWidth) throws IOException {
            return width(text, font, fontSize) <= maxWidth ? text : fit(text, font, fontSize, maxWidth, "\u2026");
        }

        /** The longest start of {@code text} (whole code points, at least one) that fits with {@code ending} after it. */
        private static String fit(String text, PDFont font, float fontSize, float maxWidth, String ending) throws IOException {
            int[] codePoints = text.codePoints().toArray();
            for (int length = codePoints.length - 1; length > 1; length--) {
                String candidate = new String(codePoints, 0, length) + ending;
                if (width(candidate, font, fontSize) <= maxWidth) {
                    return candidate;
                }
            }
            return new String(codePoints, 0, 1) + ending;
        }

        private static float width(String text, PDFont font, float fontSize) throws IOException {
            return font.getStringWidth(PdfFonts.printable(text, font)) / 1000f * fontSize;
        }
    }
}
