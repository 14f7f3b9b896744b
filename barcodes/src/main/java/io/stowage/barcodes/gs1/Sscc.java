package io.stowage.barcodes.gs1;

/**
 * A Serial Shipping Container Code: 18 digits identifying one logistic unit (pallet, parcel).
 * Layout: extension digit, GS1 company prefix, serial reference, check digit.
 */
public record Sscc(String value) {

    private static final int LENGTH_WITHOUT_CHECK_DIGIT = 17;

    public Sscc {
        value = requireValid(value);
    }

    /**
     * Builds an SSCC from its parts, computing the check digit.
     *
     * @param gs1CompanyPrefix 7 to 10 digits assigned by a GS1 member organisation
     * @param extensionDigit   0 to 9, chosen freely by the company to extend capacity
     * @param serialReference  the serial number, zero-padded to fill the remaining digits
     */
    public static Sscc of(String gs1CompanyPrefix, int extensionDigit, long serialReference) {
        if (gs1CompanyPrefix == null || !Gs1CheckDigit.isAllDigits(gs1CompanyPrefix)
                || gs1CompanyPrefix.length() < 7 || gs1CompanyPrefix.length() > 10) {
            throw new InvalidBarcodeException("GS1 company prefix '" + gs1CompanyPrefix
                    + "' must be 7 to 10 digits");
        }
        if (extensionDigit < 0 || extensionDigit > 9) {
            throw new InvalidBarcodeException("SSCC extension digit " + extensionDigit + " must be 0 to 9");
        }
        int serialDigits = LENGTH_WITHOUT_CHECK_DIGIT - 1 - gs1CompanyPrefix.length();
        String serial = Long.toString(serialReference);
        if (serialReference < 0 || serial.length() > serialDigits) {
            throw new InvalidBarcodeException("SSCC serial reference " + serialReference + " does not fit in "
                    + serialDigits + " digits after company prefix " + gs1CompanyPrefix);
        }
        String body = extensionDigit + gs1CompanyPrefix + "0".repeat(serialDigits - serial.length()) + serial;
        return new Sscc(body + Gs1CheckDigit.compute(body));
    }

    /** Parses an 18-digit SSCC (trimmed) and checks its check digit. */
    public static Sscc parse(String text) {
        return new Sscc(text);
    }

    /** The SSCC as a GS1 element string in human-readable form, {@code (00)} followed by the digits. */
    public String elementString() {
        return "(00)" + value;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String requireValid(String text) {
        if (text == null) {
            throw new InvalidBarcodeException("SSCC is missing");
        }
        String trimmed = text.trim();
        if (!Gs1CheckDigit.isAllDigits(trimmed) || trimmed.length() != LENGTH_WITHOUT_CHECK_DIGIT + 1) {
            throw new InvalidBarcodeException("SSCC '" + trimmed + "' must be exactly 18 digits");
        }
        Gs1CheckDigit.requireValid("SSCC", trimmed);
        return trimmed;
    }
}
