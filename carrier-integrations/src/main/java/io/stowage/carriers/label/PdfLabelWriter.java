package io.stowage.carriers.label;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * Writes a label as a one-page 4x6 inch PDF with real text (selectable, searchable) and barcodes
 * embedded as lossless images at printer resolution. Addresses in the demo region need Latvian,
 * Lithuanian and Cyrillic letters, which the PDF base fonts lack, so a Unicode TrueType font is
 * embedded when one is available; without it, letters are reduced to their unaccented form.
 */
public final class PdfLabelWriter {

    private static final float POINTS_PER_DOT = 72f / LabelLayout.DPI;

    private final Optional<Path> unicodeFont;

    /** Uses the first Unicode font found in the usual system locations. */
    public PdfLabelWriter() {
        this(LabelFonts.unicodeFont());
    }

    /** @param unicodeFont a TrueType font to embed, or empty to use Helvetica with accents removed */
    public PdfLabelWriter(Optional<Path> unicodeFont) {
        this.unicodeFont = unicodeFont;
    }

    public byte[] write(List<LabelElement> elements) {
        try (PDDocument document = new PDDocument()) {
            PDRectangle size = new PDRectangle(4 * 72, 6 * 72);
            PDPage page = new PDPage(size);
            document.addPage(page);
            Fonts fonts = loadFonts(document);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (LabelElement element : elements) {
                    if (element instanceof LabelElement.Text text) {
                        drawText(content, fonts, text, size.getHeight());
                    } else if (element instanceof LabelElement.Rule rule) {
                        content.addRect(0, size.getHeight() - (rule.y() + rule.thicknessDots()) * POINTS_PER_DOT,
                                size.getWidth(), rule.thicknessDots() * POINTS_PER_DOT);
                        content.fill();
                    } else if (element instanceof LabelElement.LinearBarcode barcode) {
                        drawImage(document, content, BarcodeImages.linear(barcode), barcode.x(), barcode.y(),
                                size.getHeight());
                    } else if (element instanceof LabelElement.QrCode qr) {
                        drawImage(document, content, BarcodeImages.qr(qr), qr.x(), qr.y(), size.getHeight());
                    }
                }
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new LabelRenderingException("cannot write the PDF label: " + e.getMessage(), e);
        }
    }

    private record Fonts(PDFont regular, PDFont bold, boolean unicode) {
    }

    private Fonts loadFonts(PDDocument document) throws IOException {
        if (unicodeFont.isPresent()) {
            PDFont font = PDType0Font.load(document, unicodeFont.get().toFile());
            Optional<Path> boldPath = LabelFonts.boldSibling(unicodeFont);
            PDFont bold = boldPath.isPresent() ? PDType0Font.load(document, boldPath.get().toFile()) : font;
            return new Fonts(font, bold, true);
        }
        return new Fonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), false);
    }

    private static void drawText(PDPageContentStream content, Fonts fonts, LabelElement.Text text, float pageHeight)
            throws IOException {
        PDFont font = text.bold() ? fonts.bold() : fonts.regular();
        float fontSize = text.heightDots() * POINTS_PER_DOT;
        String printable = fonts.unicode() ? printableIn(font, text.text()) : toWinAnsi(text.text());
        content.beginText();
        content.setFont(font, fontSize);
        // Baseline at the text's top plus roughly its ascent, matching the PNG layout.
        content.newLineAtOffset(text.x() * POINTS_PER_DOT, pageHeight - text.y() * POINTS_PER_DOT - fontSize * 0.8f);
        content.showText(printable);
        content.endText();
    }

    /** Barcodes are embedded at one image pixel per printer dot, placed exactly where the ZPL prints them. */
    private static void drawImage(PDDocument document, PDPageContentStream content, BufferedImage symbol, int x, int y,
                                  float pageHeight) throws IOException {
        PDImageXObject image = LosslessFactory.createFromImage(document, symbol);
        content.drawImage(image, x * POINTS_PER_DOT, pageHeight - (y + symbol.getHeight()) * POINTS_PER_DOT,
                symbol.getWidth() * POINTS_PER_DOT, symbol.getHeight() * POINTS_PER_DOT);
    }

    /** Replaces characters the embedded font has no glyph for, instead of failing the whole label. */
    private static String printableIn(PDFont font, String text) {
        StringBuilder printable = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            try {
                font.encode(character);
                printable.append(character);
            } catch (IOException | IllegalArgumentException e) {
                printable.append('?');
            }
        });
        return printable.toString();
    }

    static String toWinAnsi(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder ascii = new StringBuilder();
        for (char c : decomposed.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return ascii.toString();
    }
}
