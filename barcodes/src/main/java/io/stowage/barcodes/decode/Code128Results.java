package io.stowage.barcodes.decode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;

import java.util.Map;

/**
 * ZXing's Code 128 reads (3.5, decoded with {@code ASSUME_GS1}), mended where its reader takes the
 * symbol's check character for a function character. One symbol in 103 has a check character of a
 * function's value, so a reader that trusts ZXing as it is fails on about 1 % of labels:
 * <ul>
 *   <li>a check character of 102 (FNC1) is appended to the text as a group separator;</li>
 *   <li>a check character of 97 (FNC2 in code sets A and B) turns the symbology identifier into
 *       {@code ]C4}, although the symbol starts with FNC1 and the text with {@code ]C1}.</li>
 * </ul>
 */
public final class Code128Results {

    /** AIM symbology identifier of Code 128 with FNC1 in first position: GS1-128. */
    private static final String GS1_128_AIM_ID = "]C1";
    private static final byte CODE_128_FNC1 = 102;
    private static final byte CODE_128_STOP = 106;
    private static final String GROUP_SEPARATOR = "\u001d";

    private Code128Results() {
    }

    /**
     * The symbol's data: ZXing's text without a trailing group separator that is the check character
     * (the raw codes end with the check character and the stop, 106). With {@code ASSUME_GS1}, a GS1-128
     * symbol's text starts with {@code ]C1} and later FNC1s are group separators.
     */
    public static String text(Result result) {
        requireCode128(result);
        String text = result.getText();
        byte[] codes = result.getRawBytes();
        boolean checkReadAsFnc1 = codes != null && codes.length >= 2 && codes[codes.length - 2] == CODE_128_FNC1
                && codes[codes.length - 1] == CODE_128_STOP;
        return checkReadAsFnc1 && text.endsWith(GROUP_SEPARATOR) ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * True for GS1-128: ZXing starts the text with {@code ]C1} exactly when FNC1 is the first
     * character, whatever identifier a misread check character left in the metadata.
     */
    public static boolean isGs1(Result result) {
        requireCode128(result);
        return GS1_128_AIM_ID.equals(aimId(result)) || result.getText().startsWith(GS1_128_AIM_ID);
    }

    private static String aimId(Result result) {
        Map<ResultMetadataType, Object> metadata = result.getResultMetadata();
        Object aimId = metadata == null ? null : metadata.get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
        return aimId == null ? "" : aimId.toString();
    }

    private static void requireCode128(Result result) {
        if (result.getBarcodeFormat() != BarcodeFormat.CODE_128) {
            throw new IllegalArgumentException("not a Code 128 read: " + result.getBarcodeFormat());
        }
    }
}
