package io.stowage.carriers.label;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.InvalidBarcodeException;
import io.stowage.barcodes.render.Code128;
import io.stowage.barcodes.render.Symbology;

import java.util.List;
import java.util.Map;

/**
 * Sizes every barcode before anything is printed: the module width for Code 128 by the number of
 * modules the content needs, the error correction level and module size for QR Code by the version
 * the content needs. A symbol that cannot fit with its quiet zones at the smallest module a 203 dpi
 * printer prints reliably is a {@link LabelRenderingException}, never a symbol cut off at the edge.
 */
final class BarcodeFitting {

    /** QR needs four light modules around it (ISO/IEC 18004). */
    static final int QR_QUIET_ZONE_MODULES = 4;
    /** 0.375 mm: the smallest QR module phones read reliably off thermal print. */
    static final int QR_MIN_MODULE_DOTS = 3;
    static final int QR_MAX_MODULE_DOTS = 10;

    private BarcodeFitting() {
    }

    /**
     * A linear symbol centred in {@code [boxX, boxX + boxWidth)} with its quiet zones inside that span.
     *
     * @param minModuleDots the narrowest module allowed, for example 4 dots (0.5 mm) for an SSCC,
     *                      which GS1 logistic labels require to be at least 0.495 mm
     */
    static LabelElement.LinearBarcode linear(Symbology symbology, String content, int boxX, int boxWidth, int y,
                                             int heightDots, int minModuleDots, int maxModuleDots) {
        Code128 symbol = plan(symbology, content);
        int module = Math.min(maxModuleDots, boxWidth / symbol.modulesWithQuietZones());
        if (module < minModuleDots) {
            throw new LabelRenderingException(symbology + " '" + content + "' needs " + symbol.modulesWithQuietZones()
                    + " modules with its quiet zones: " + symbol.modulesWithQuietZones() * minModuleDots
                    + " dots at the smallest module of " + minModuleDots + " dots, more than the " + boxWidth
                    + " dots the label has");
        }
        int width = symbol.modules() * module;
        return new LabelElement.LinearBarcode(boxX + (boxWidth - width) / 2, y, module, heightDots, symbology,
                content, width);
    }

    static Code128 plan(Symbology symbology, String content) {
        try {
            return switch (symbology) {
                case CODE_128 -> Code128.text(content);
                case GS1_128 -> Code128.gs1(ElementString.parseBracketed(content));
                default -> throw new IllegalArgumentException(symbology + " is not a linear symbology");
            };
        } catch (InvalidBarcodeException e) {
            throw new LabelRenderingException("cannot print " + symbology + " '" + content + "': " + e.getMessage(), e);
        }
    }

    /**
     * A QR Code centred in a square box, quiet zone included: error correction M when the symbol
     * then fits at {@value #QR_MIN_MODULE_DOTS} dots or more per module, else L.
     */
    static LabelElement.QrCode qr(String content, int boxX, int boxY, int boxSize) {
        if (!content.chars().allMatch(c -> c >= ' ' && c <= '~')) {
            throw new LabelRenderingException("QR content '" + content + "' must be printable ASCII, as URLs are");
        }
        for (ErrorCorrectionLevel level : List.of(ErrorCorrectionLevel.M, ErrorCorrectionLevel.L)) {
            int version = version(content, level);
            int modules = 17 + 4 * version;
            int module = Math.min(QR_MAX_MODULE_DOTS, boxSize / (modules + 2 * QR_QUIET_ZONE_MODULES));
            if (module >= QR_MIN_MODULE_DOTS) {
                int offset = (boxSize - modules * module) / 2;
                return new LabelElement.QrCode(boxX + offset, boxY + offset, module, version,
                        level.name().charAt(0), content);
            }
        }
        throw new LabelRenderingException("QR content of " + content.length() + " characters needs a QR Code of "
                + (17 + 4 * version(content, ErrorCorrectionLevel.L)) + " modules even at error correction L; at "
                + QR_MIN_MODULE_DOTS + " dots per module with its quiet zone it is wider than the " + boxSize
                + " dots the label has for it");
    }

    /** The smallest version ZXing (and the printer, given the same mode) needs for the content. */
    static int version(String content, ErrorCorrectionLevel level) {
        try {
            QRCode code = Encoder.encode(content, level, Map.<EncodeHintType, Object>of());
            return code.getVersion().getVersionNumber();
        } catch (WriterException e) {
            throw new LabelRenderingException("QR content of " + content.length()
                    + " characters does not fit in any QR Code: " + e.getMessage(), e);
        }
    }

    /** The QR mode ZXing chooses for the content, which the ZPL names so the printer chooses the same. */
    static char mode(String content, ErrorCorrectionLevel level) {
        try {
            return switch (Encoder.encode(content, level, Map.<EncodeHintType, Object>of()).getMode()) {
                case NUMERIC -> 'N';
                case ALPHANUMERIC -> 'A';
                default -> 'B';
            };
        } catch (WriterException e) {
            throw new LabelRenderingException("QR content does not fit in any QR Code: " + e.getMessage(), e);
        }
    }
}
