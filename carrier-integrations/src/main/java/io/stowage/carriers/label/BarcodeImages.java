package io.stowage.carriers.label;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Draws a fitted barcode at its exact module size, bars only (the layout keeps its quiet zone
 * clear), from the same plan the ZPL writer sends the printer.
 */
final class BarcodeImages {

    private BarcodeImages() {
    }

    static BufferedImage linear(LabelElement.LinearBarcode barcode) {
        boolean[] bars = BarcodeFitting.plan(barcode.symbology(), barcode.content()).bars();
        BufferedImage image = blank(bars.length * barcode.moduleDots(), barcode.heightDots());
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            for (int module = 0; module < bars.length; module++) {
                if (bars[module]) {
                    g.fillRect(module * barcode.moduleDots(), 0, barcode.moduleDots(), barcode.heightDots());
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    static BufferedImage qr(LabelElement.QrCode qr) {
        ByteMatrix matrix = qrMatrix(qr);
        int module = qr.moduleDots();
        BufferedImage image = blank(matrix.getWidth() * module, matrix.getHeight() * module);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y) == 1) {
                        g.fillRect(x * module, y * module, module, module);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static ByteMatrix qrMatrix(LabelElement.QrCode qr) {
        try {
            QRCode code = Encoder.encode(qr.content(), ErrorCorrectionLevel.valueOf(String.valueOf(qr.errorCorrection())),
                    Map.<EncodeHintType, Object>of(EncodeHintType.QR_VERSION, qr.version()));
            return code.getMatrix();
        } catch (WriterException e) {
            throw new LabelRenderingException("cannot draw QR code '" + qr.content() + "': " + e.getMessage(), e);
        }
    }

    private static BufferedImage blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }
}
