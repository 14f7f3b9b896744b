package io.stowage.barcodes.gs1;

/**
 * The GS1 modulo-10 check digit shared by GTIN, SSCC, GLN and the other numeric GS1 keys.
 * Weights 3 and 1 alternate starting from the digit next to the check digit.
 */
public final class Gs1CheckDigit {

    private Gs1CheckDigit() {
    }

    /** Computes the check digit for a string of digits that does not yet carry one. */
    public static int compute(String digitsWithoutCheckDigit) {
        requireDigits(digitsWithoutCheckDigit);
        int sum = 0;
        int weight = 3;
        for (int i = digitsWithoutCheckDigit.length() - 1; i >= 0; i--) {
            sum += (digitsWithoutCheckDigit.charAt(i) - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the last digit is the correct check digit for the ones before it. */
    public static boolean isValid(String digitsWithCheckDigit) {
        if (digitsWithCheckDigit == null || digitsWithCheckDigit.length() < 2
                || !isAllDigits(digitsWithCheckDigit)) {
            return false;
        }
        int last = digitsWithCheckDigit.length() - 1;
        return compute(digitsWithCheckDigit.substring(0, last)) == digitsWithCheckDigit.charAt(last) - '0';
    }

    static boolean isAllDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Checks the final digit of a numeric key and explains a mismatch in the exception. */
    static void requireValid(String keyName, String digitsWithCheckDigit) {
        int last = digitsWithCheckDigit.length() - 1;
        int expected = compute(digitsWithCheckDigit.substring(0, last));
        int actual = digitsWithCheckDigit.charAt(last) - '0';
        if (expected != actual) {
            throw new InvalidBarcodeException(keyName + " " + digitsWithCheckDigit + " has check digit "
                    + actual + ", expected " + expected);
        }
    }

    private static void requireDigits(String digits) {
        if (digits == null || !isAllDigits(digits)) {
            throw new InvalidBarcodeException("Check digit needs digits only, got '" + digits + "'");
        }
    }
}
