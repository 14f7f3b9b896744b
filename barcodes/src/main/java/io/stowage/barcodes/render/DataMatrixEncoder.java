package io.stowage.barcodes.render;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.encoder.DefaultPlacement;
import com.google.zxing.datamatrix.encoder.ErrorCorrection;
import com.google.zxing.datamatrix.encoder.SymbolInfo;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.InvalidBarcodeException;

import java.nio.charset.StandardCharsets;

/**
 * Data Matrix ECC 200 in ASCII encodation, with ZXing's error correction and module placement.
 * ZXing's own high-level encoders cannot be used here: the default one writes only ISO-8859-1 and
 * has no FNC1, and the compacting one that adds both mis-encodes some GS1 data (zxing#1913: extra
 * characters after the last AI). ASCII encodation is simple enough to get right every time:
 * digit pairs in one codeword, other ASCII in one, any other byte behind an Upper Shift.
 */
final class DataMatrixEncoder {

    private static final int PAD = 129;
    private static final int DIGIT_PAIR_BASE = 130;
    private static final int FNC1 = 232;
    private static final int UPPER_SHIFT = 235;
    private static final int ECI = 241;
    private static final int ECI_UTF_8 = 26;

    private DataMatrixEncoder() {
    }

    /** Text in any language: ASCII as is, anything else as UTF-8 announced by ECI 26. */
    static BitMatrix text(String text) {
        StringBuilder codewords = new StringBuilder();
        boolean ascii = text.chars().allMatch(c -> c < 128);
        if (!ascii) {
            codewords.append((char) ECI).append((char) (ECI_UTF_8 + 1));
        }
        appendAscii(codewords, text.getBytes(StandardCharsets.UTF_8), -1);
        return symbol(codewords, text);
    }

    /** GS1 DataMatrix: FNC1 first, then the element string with FNC1 where a separator is needed. */
    static BitMatrix gs1(ElementString elementString) {
        StringBuilder codewords = new StringBuilder().append((char) FNC1);
        String data = elementString.unbracketedWithSeparators();
        appendAscii(codewords, data.getBytes(StandardCharsets.US_ASCII), ElementString.GROUP_SEPARATOR);
        return symbol(codewords, elementString.bracketed());
    }

    private static void appendAscii(StringBuilder codewords, byte[] bytes, int separator) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (isDigit(b) && i + 1 < bytes.length && isDigit(bytes[i + 1] & 0xff)) {
                codewords.append((char) (DIGIT_PAIR_BASE + (b - '0') * 10 + (bytes[i + 1] - '0')));
                i++;
            } else if (b == separator) {
                codewords.append((char) FNC1);
            } else if (b < 128) {
                codewords.append((char) (b + 1));
            } else {
                codewords.append((char) UPPER_SHIFT).append((char) (b - 128 + 1));
            }
        }
    }

    private static BitMatrix symbol(StringBuilder codewords, String content) {
        SymbolInfo info;
        try {
            info = SymbolInfo.lookup(codewords.length(), SymbolShapeHint.FORCE_SQUARE, null, null, true);
        } catch (IllegalArgumentException e) {
            throw new InvalidBarcodeException("'" + content + "' needs " + codewords.length()
                    + " Data Matrix codewords, more than the largest symbol holds", e);
        }
        int dataLength = codewords.length();
        for (int i = dataLength; i < info.getDataCapacity(); i++) {
            codewords.append((char) (i == dataLength ? PAD : pad(i + 1)));
        }
        String withErrorCorrection = ErrorCorrection.encodeECC200(codewords.toString(), info);
        DefaultPlacement placement = new DefaultPlacement(withErrorCorrection, info.getSymbolDataWidth(),
                info.getSymbolDataHeight());
        placement.place();
        return draw(placement, info);
    }

    /** The 253-state randomised pad for every pad codeword after the first; {@code position} counts from 1. */
    private static int pad(int position) {
        int pseudoRandom = 149 * position % 253 + 1;
        int value = PAD + pseudoRandom;
        return value <= 254 ? value : value - 254;
    }

    /** Data regions with their finder (solid left and bottom) and timing (alternating top and right) edges. */
    private static BitMatrix draw(DefaultPlacement placement, SymbolInfo info) {
        BitMatrix matrix = new BitMatrix(info.getSymbolWidth(), info.getSymbolHeight());
        int matrixY = 0;
        for (int y = 0; y < info.getSymbolDataHeight(); y++) {
            if (y % info.matrixHeight == 0) {
                for (int x = 0; x < info.getSymbolWidth(); x++) {
                    set(matrix, x, matrixY, x % 2 == 0);
                }
                matrixY++;
            }
            int matrixX = 0;
            for (int x = 0; x < info.getSymbolDataWidth(); x++) {
                if (x % info.matrixWidth == 0) {
                    set(matrix, matrixX++, matrixY, true);
                }
                set(matrix, matrixX++, matrixY, placement.getBit(x, y));
                if (x % info.matrixWidth == info.matrixWidth - 1) {
                    set(matrix, matrixX++, matrixY, y % 2 == 0);
                }
            }
            matrixY++;
            if (y % info.matrixHeight == info.matrixHeight - 1) {
                for (int x = 0; x < info.getSymbolWidth(); x++) {
                    set(matrix, x, matrixY, true);
                }
                matrixY++;
            }
        }
        return matrix;
    }

    private static void set(BitMatrix matrix, int x, int y, boolean dark) {
        if (dark) {
            matrix.set(x, y);
        }
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }
}
