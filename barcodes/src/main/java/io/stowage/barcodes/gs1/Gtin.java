package io.stowage.barcodes.gs1;

/**
 * A Global Trade Item Number as printed: GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) or GTIN-14.
 * The value keeps its printed length; {@link #toGtin14()} gives the form used in element
 * strings and for comparing two GTINs.
 */
public record Gtin(String value) {

    public Gtin {
        value = requireValid(value);
    }

    /** Parses a trimmed digit string of length 8, 12, 13 or 14 with a correct check digit. */
    public static Gtin parse(String text) {
        return new Gtin(text);
    }

    /** Whether {@code text} would parse as a GTIN. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidBarcodeException e) {
            return false;
        }
    }

    /** The GTIN left-padded with zeros to 14 digits, as AI (01) carries it. */
    public String toGtin14() {
        return "0".repeat(14 - value.length()) + value;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String requireValid(String text) {
        if (text == null) {
            throw new InvalidBarcodeException("GTIN is missing");
        }
        String trimmed = text.trim();
        if (!Gs1CheckDigit.isAllDigits(trimmed)) {
            throw new InvalidBarcodeException("GTIN '" + trimmed + "' must contain digits only");
        }
        int length = trimmed.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            throw new InvalidBarcodeException("GTIN " + trimmed + " has " + length
                    + " digits, expected 8, 12, 13 or 14");
        }
        Gs1CheckDigit.requireValid("GTIN", trimmed);
        return trimmed;
    }
}
