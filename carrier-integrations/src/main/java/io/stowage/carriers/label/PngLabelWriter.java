package io.stowage.carriers.label;

import io.stowage.barcodes.gs1.InvalidBarcodeException;
import io.stowage.barcodes.render.BarcodeRenderer;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Draws a label as a 812 x 1218 pixel greyscale PNG, one pixel per printer dot. */
public final class PngLabelWriter {

    public BufferedImage draw(List<LabelElement> elements) {
        BufferedImage image = new BufferedImage(LabelLayout.WIDTH_DOTS, LabelLayout.HEIGHT_DOTS, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (LabelElement element : elements) {
                if (element instanceof LabelElement.Text text) {
                    g.setFont(new Font(Font.SANS_SERIF, text.bold() ? Font.BOLD : Font.PLAIN, text.heightDots()));
                    g.drawString(text.text(), text.x(), text.y() + g.getFontMetrics().getAscent());
                } else if (element instanceof LabelElement.Rule rule) {
                    g.fillRect(0, rule.y(), image.getWidth(), rule.thicknessDots());
                } else if (element instanceof LabelElement.Barcode barcode) {
                    drawBarcode(g, barcode);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public byte[] write(List<LabelElement> elements) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(draw(elements), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return png.toByteArray();
    }

    /** Barcodes are drawn at their rendered size, never scaled, so every module stays a whole number of dots. */
    private static void drawBarcode(Graphics2D g, LabelElement.Barcode barcode) {
        BufferedImage symbol = BarcodeImages.render(barcode);
        int x = barcode.x() + Math.max(0, (barcode.widthDots() - symbol.getWidth()) / 2);
        g.drawImage(symbol, x, barcode.y(), null);
    }

    /** Renders barcode elements through the barcodes module, turning its errors into this library's. */
    static final class BarcodeImages {
        private BarcodeImages() {
        }

        static BufferedImage render(LabelElement.Barcode barcode) {
            try {
                return BarcodeRenderer.render(barcode.symbology(), barcode.content(), barcode.widthDots(), barcode.heightDots());
            } catch (InvalidBarcodeException e) {
                throw new LabelRenderingException("cannot draw " + barcode.symbology() + " '" + barcode.content()
                        + "' on the label: " + e.getMessage(), e);
            }
        }
    }
}
