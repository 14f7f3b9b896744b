package io.stowage.scanner.camera;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.oned.UPCAWriter;
import com.google.zxing.oned.UPCEWriter;
import io.stowage.barcodes.render.BarcodeRenderer;
import io.stowage.barcodes.render.Symbology;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Barcode images for the tests: drawn by the repository's barcodes module where it can, by ZXing's writers otherwise. */
final class TestImages {

    private TestImages() {
    }

    /** A valid symbol as Stowage prints it (GS1 content bracketed, as the barcodes module takes it). */
    static Path stowage(Path dir, String name, Symbology symbology, String content) {
        return write(dir, name, BarcodeRenderer.render(symbology, content, 400, 240));
    }

    /**
     * A GS1-128 symbol with whatever element string is given (ZXing's writer checks nothing, so a
     * wrong check digit is printed as it is): FNC1 in first position, then the data.
     */
    static Path gs1128Unchecked(Path dir, String name, String unbracketed) {
        return write(dir, name, image(new Code128Writer().encode("\u00f1" + unbracketed, BarcodeFormat.CODE_128, 500, 160)));
    }

    static Path ean13(Path dir, String name, String digits) {
        return write(dir, name, image(new EAN13Writer().encode(digits, BarcodeFormat.EAN_13, 300, 150)));
    }

    static Path upcA(Path dir, String name, String digits) {
        return write(dir, name, image(new UPCAWriter().encode(digits, BarcodeFormat.UPC_A, 300, 150)));
    }

    static Path upcE(Path dir, String name, String digits) {
        return write(dir, name, image(new UPCEWriter().encode(digits, BarcodeFormat.UPC_E, 300, 150)));
    }

    /** Two different symbols side by side on one white image, as a photo of a whole shipping label. */
    static Path twoSymbols(Path dir, String name) {
        BufferedImage left = BarcodeRenderer.render(Symbology.QR_CODE, "LPN000123", 240, 240);
        BufferedImage right = BarcodeRenderer.render(Symbology.DATA_MATRIX, "A-03-02-B", 240, 240);
        BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth() + 80, Math.max(left.getHeight(), right.getHeight()) + 40,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = both.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, both.getWidth(), both.getHeight());
        graphics.drawImage(left, 20, 20, null);
        graphics.drawImage(right, left.getWidth() + 60, 20, null);
        graphics.dispose();
        return write(dir, name, both);
    }

    static Path blank(Path dir, String name) {
        BufferedImage white = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = white.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 320, 200);
        graphics.dispose();
        return write(dir, name, white);
    }

    static Path garbage(Path dir, String name) {
        try {
            byte[] bytes = new byte[4096];
            new java.util.Random(13).nextBytes(bytes);
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage image(BitMatrix matrix) {
        // A white border, as around any printed symbol, so the reader finds the quiet zones.
        BufferedImage symbol = MatrixToImageWriter.toBufferedImage(matrix);
        BufferedImage framed = new BufferedImage(symbol.getWidth() + 60, symbol.getHeight() + 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = framed.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, framed.getWidth(), framed.getHeight());
        graphics.drawImage(symbol, 30, 30, null);
        graphics.dispose();
        return framed;
    }

    private static Path write(Path dir, String name, BufferedImage image) {
        Path file = dir.resolve(name);
        String format = name.substring(name.lastIndexOf('.') + 1);
        try {
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalArgumentException("No writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
