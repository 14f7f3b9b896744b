package io.stowage.carriers.label;

import javax.imageio.ImageIO;
import java.awt.Color;
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
                    g.setFont(LabelFonts.font(text.heightDots(), text.bold()));
                    g.drawString(text.text(), text.x(), text.y() + g.getFontMetrics().getAscent());
                } else if (element instanceof LabelElement.Rule rule) {
                    g.fillRect(0, rule.y(), image.getWidth(), rule.thicknessDots());
                } else if (element instanceof LabelElement.LinearBarcode barcode) {
                    // Barcodes are drawn at their fitted size, never scaled, so every module stays whole dots.
                    g.drawImage(BarcodeImages.linear(barcode), barcode.x(), barcode.y(), null);
                } else if (element instanceof LabelElement.QrCode qr) {
                    g.drawImage(BarcodeImages.qr(qr), qr.x(), qr.y(), null);
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
}
