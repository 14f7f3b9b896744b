package io.stowage.barcodes.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.Encoder;
import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.InvalidBarcodeException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Draws barcodes as black-on-white images with the quiet zones each symbology needs: ten modules
 * either side of Code 128, four around QR and two around Data Matrix. The image is at least
 * the requested size; ZXing enlarges it when the symbol needs more pixels than requested.
 */
public final class BarcodeRenderer {

    private static final int QR_QUIET_ZONE_MODULES = 4;
    private static final int DATA_MATRIX_QUIET_ZONE_MODULES = 2;

    private BarcodeRenderer() {
    }

    /**
     * Renders {@code content} as a barcode image. For the GS1 symbologies ({@link Symbology#GS1_128},
     * {@link Symbology#GS1_DATA_MATRIX}, {@link Symbology#GS1_QR_CODE}) the content is a bracketed
     * element string such as {@code (00)012345600000000016}; it is validated and encoded with FNC1
     * in first position and a separator after every variable-length AI that is not last.
     *
     * @throws InvalidBarcodeException when the content cannot be encoded in the symbology
     */
    public static BufferedImage render(Symbology symbology, String content, int widthPx, int heightPx) {
        if (content == null || content.isEmpty()) {
            throw new InvalidBarcodeException("Cannot render an empty " + symbology + " barcode");
        }
        if (widthPx <= 0 || heightPx <= 0) {
            throw new InvalidBarcodeException("Barcode size " + widthPx + "x" + heightPx + " must be positive");
        }
        BitMatrix matrix = encode(symbology, content, widthPx, heightPx);
        return MatrixToImageWriter.toBufferedImage(matrix);
    }

    /** Renders like {@link #render} and returns the image as PNG bytes. */
    public static byte[] renderPng(Symbology symbology, String content, int widthPx, int heightPx) {
        BufferedImage image = render(symbology, content, widthPx, heightPx);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing PNG to memory failed", e);
        }
        return png.toByteArray();
    }

    private static BitMatrix encode(Symbology symbology, String content, int width, int height) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        try {
            return switch (symbology) {
                case CODE_128 -> linear(Code128.text(content), width, height);
                case GS1_128 -> linear(Code128.gs1(ElementString.parseBracketed(content)), width, height);
                case QR_CODE -> {
                    hints.put(EncodeHintType.MARGIN, QR_QUIET_ZONE_MODULES);
                    yield new MultiFormatWriter().encode(content, BarcodeFormat.QR_CODE, width, height, hints);
                }
                case GS1_QR_CODE -> {
                    // No character set: GS1 data is ASCII, and an ECI would turn the symbol into ]Q4.
                    hints.remove(EncodeHintType.CHARACTER_SET);
                    hints.put(EncodeHintType.MARGIN, QR_QUIET_ZONE_MODULES);
                    hints.put(EncodeHintType.GS1_FORMAT, Boolean.TRUE);
                    String data = gs1QrData(ElementString.parseBracketed(content));
                    yield new MultiFormatWriter().encode(data, BarcodeFormat.QR_CODE, width, height, hints);
                }
                case DATA_MATRIX -> withQuietZone(DataMatrixEncoder.text(content), width, height);
                case GS1_DATA_MATRIX -> withQuietZone(DataMatrixEncoder.gs1(ElementString.parseBracketed(content)),
                        width, height);
            };
        } catch (WriterException | IllegalArgumentException e) {
            if (e instanceof InvalidBarcodeException invalid) {
                throw invalid;
            }
            throw new InvalidBarcodeException("Cannot encode '" + content + "' as " + symbology + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * In FNC1 mode a QR reader turns '%' in alphanumeric segments into the GS separator, so a data
     * '%' must be written "%%" there (ISO/IEC 18004, 7.4.8). ZXing picks alphanumeric mode for data
     * of digits, capitals and a few marks, and does not double the '%' itself.
     */
    static String gs1QrData(ElementString elementString) {
        String data = elementString.unbracketedWithSeparators();
        return Encoder.chooseMode(data) == Mode.ALPHANUMERIC ? data.replace("%", "%%") : data;
    }

    /**
     * Draws a Code 128 symbol as wide as requested, in whole dots per module (never less than one),
     * centred, with its quiet zones; the same plan the label printer is sent, so widths agree.
     */
    private static BitMatrix linear(Code128 symbol, int width, int height) {
        boolean[] bars = symbol.bars();
        int fullWidth = symbol.modulesWithQuietZones();
        int outputWidth = Math.max(width, fullWidth);
        int multiple = outputWidth / fullWidth;
        int left = (outputWidth - bars.length * multiple) / 2;
        BitMatrix matrix = new BitMatrix(outputWidth, Math.max(1, height));
        for (int module = 0; module < bars.length; module++) {
            if (bars[module]) {
                matrix.setRegion(left + module * multiple, 0, multiple, matrix.getHeight());
            }
        }
        return matrix;
    }

    /**
     * ZXing draws Data Matrix modules edge to edge, so the symbol is encoded at one pixel per
     * module and scaled here into the requested area, surrounded by light modules.
     */
    private static BitMatrix withQuietZone(BitMatrix symbol, int width, int height) {
        int modulesWide = symbol.getWidth() + 2 * DATA_MATRIX_QUIET_ZONE_MODULES;
        int modulesHigh = symbol.getHeight() + 2 * DATA_MATRIX_QUIET_ZONE_MODULES;
        int scale = Math.max(1, Math.min(width / modulesWide, height / modulesHigh));
        int outWidth = Math.max(width, modulesWide * scale);
        int outHeight = Math.max(height, modulesHigh * scale);
        int left = (outWidth - symbol.getWidth() * scale) / 2;
        int top = (outHeight - symbol.getHeight() * scale) / 2;
        BitMatrix out = new BitMatrix(outWidth, outHeight);
        for (int y = 0; y < symbol.getHeight(); y++) {
            for (int x = 0; x < symbol.getWidth(); x++) {
                if (symbol.get(x, y)) {
                    out.setRegion(left + x * scale, top + y * scale, scale, scale);
                }
            }
        }
        return out;
    }
}
