package io.stowage.api.network;

import io.stowage.barcodes.render.BarcodeRenderer;
import io.stowage.barcodes.render.Symbology;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Location labels: a Code 128 of the location code above the code in large type. Pure CPU work;
 * callers run it off the event loop.
 *
 * <p>The PNG is a 2 x 1 inch label at 203 dpi (406 x 203 dots), the resolution of common thermal
 * label printers. The PDF has one 100 x 50 mm label per page, the roll size those printers take,
 * with the bars drawn as vectors so that they stay sharp at any printer resolution.
 */
final class LocationLabels {

    static final int PNG_WIDTH = 406;
    static final int PNG_HEIGHT = 203;
    private static final int PNG_MARGIN = 10;
    private static final int PNG_BAR_HEIGHT = 110;
    private static final int PNG_MAX_FONT = 64;

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final PDRectangle PDF_LABEL = new PDRectangle(100 * POINTS_PER_MM, 50 * POINTS_PER_MM);
    private static final float PDF_MARGIN = 3 * POINTS_PER_MM;
    private static final float PDF_BAR_HEIGHT = 28 * POINTS_PER_MM;
    private static final float PDF_MAX_FONT = 36;

    private LocationLabels() {
    }

    static byte[] png(String code) {
        BufferedImage label = new BufferedImage(PNG_WIDTH, PNG_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = label.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, PNG_WIDTH, PNG_HEIGHT);
            BufferedImage bars = BarcodeRenderer.render(Symbology.CODE_128, code, PNG_WIDTH, PNG_BAR_HEIGHT);
            // ZXing widens the symbol when the code needs more dots than the label has; squeeze it back.
            int barsWidth = Math.min(bars.getWidth(), PNG_WIDTH);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(bars, (PNG_WIDTH - barsWidth) / 2, PNG_MARGIN, barsWidth, PNG_BAR_HEIGHT, null);

            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            int textTop = PNG_MARGIN + PNG_BAR_HEIGHT;
            Font font = fittingFont(g, code, PNG_WIDTH - 2 * PNG_MARGIN, PNG_HEIGHT - textTop - PNG_MARGIN);
            g.setFont(font);
            FontMetrics metrics = g.getFontMetrics();
            int baseline = textTop + (PNG_HEIGHT - textTop - metrics.getAscent()) / 2 + metrics.getAscent();
            g.drawString(code, (PNG_WIDTH - metrics.stringWidth(code)) / 2, baseline);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(label, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    /** One label per page, in the order of {@code codes}. */
    static byte[] pdf(List<String> codes) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (String code : codes) {
                PDPage page = new PDPage(PDF_LABEL);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    drawBars(content, code);
                    drawCode(content, font, code);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PDF to memory failed", e);
        }
    }

    /** Draws each bar as a rectangle, from a one-dot-per-module rendering of the symbol. */
    private static void drawBars(PDPageContentStream content, String code) throws IOException {
        BufferedImage modules = BarcodeRenderer.render(Symbology.CODE_128, code, 1, 1);
        float moduleWidth = (PDF_LABEL.getWidth() - 2 * PDF_MARGIN) / modules.getWidth();
        float bottom = PDF_LABEL.getHeight() - PDF_MARGIN - PDF_BAR_HEIGHT;
        int x = 0;
        while (x < modules.getWidth()) {
            boolean dark = (modules.getRGB(x, 0) & 0xFF) < 128;
            int start = x;
            while (x < modules.getWidth() && ((modules.getRGB(x, 0) & 0xFF) < 128) == dark) {
                x++;
            }
            if (dark) {
                content.addRect(PDF_MARGIN + start * moduleWidth, bottom, (x - start) * moduleWidth, PDF_BAR_HEIGHT);
            }
        }
        content.fill();
    }

    private static void drawCode(PDPageContentStream content, PDType1Font font, String code) throws IOException {
        float available = PDF_LABEL.getWidth() - 2 * PDF_MARGIN;
        float widthAtOnePoint = font.getStringWidth(code) / 1000f;
        float size = Math.min(PDF_MAX_FONT, available / widthAtOnePoint);
        float textWidth = widthAtOnePoint * size;
        float textAreaTop = PDF_LABEL.getHeight() - PDF_MARGIN - PDF_BAR_HEIGHT;
        float capHeight = font.getFontDescriptor().getCapHeight() / 1000f * size;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset((PDF_LABEL.getWidth() - textWidth) / 2, (textAreaTop - capHeight) / 2);
        content.showText(code);
        content.endText();
    }

    /** The largest bold sans-serif font, up to a limit, in which the code fits the box. */
    private static Font fittingFont(Graphics2D g, String code, int width, int height) {
        for (int size = PNG_MAX_FONT; size > 8; size -= 2) {
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
            FontMetrics metrics = g.getFontMetrics(font);
            if (metrics.stringWidth(code) <= width && metrics.getAscent() <= height) {
                return font;
            }
        }
        return new Font(Font.SANS_SERIF, Font.BOLD, 8);
    }
}
