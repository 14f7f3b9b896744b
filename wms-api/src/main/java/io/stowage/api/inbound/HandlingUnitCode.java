package io.stowage.api.inbound;

import io.stowage.api.problem.ApiProblem;
import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.Sscc;
import java.util.regex.Pattern;

/**
 * The label a receiver scanned off an incoming carton or pallet. An SSCC, in any form a scanner
 * sends it (the 18 digits, GS1-128 data with AI {@code 00}, the human-readable {@code (00)...}), is
 * kept as its 18 digits after its check digit is verified, so one carton scanned two ways is one
 * carton and a misread is refused; anything else is the shipper's own number, kept as scanned.
 */
final class HandlingUnitCode {

    private static final Pattern OWN_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private HandlingUnitCode() {
    }

    /** The code to record, null when none was scanned, or a 422 on {@code field} that says what is wrong. */
    static String parse(String field, String scan) {
        if (scan == null) {
            return null;
        }
        String text = scan.trim();
        try {
            if (text.length() == 18 && DIGITS.matcher(text).matches()) {
                return Sscc.parse(text).value();
            }
            if (text.startsWith("(") || text.startsWith("]C1") || (text.length() == 20 && text.startsWith("00") && DIGITS.matcher(text).matches())) {
                ElementString data = text.startsWith("(") ? ElementString.parseBracketed(text) : ElementString.parseUnbracketed(text);
                return Sscc.parse(data.get("00").orElseThrow(() -> ApiProblem.invalid(field,
                        "holds no SSCC (AI 00): scan the SSCC on the " + what(field) + "'s label, or its own number"))).value();
            }
        } catch (ApiProblem problem) {
            throw problem;
        } catch (RuntimeException e) {
            throw ApiProblem.invalid(field, "is not a valid SSCC: " + e.getMessage());
        }
        if (!OWN_NUMBER.matcher(text).matches()) {
            throw ApiProblem.invalid(field, "must be the " + what(field)
                    + "'s SSCC or its own number (1 to 64 letters, digits, '.', '_', '/' or '-', starting with a letter or digit)");
        }
        return text;
    }

    /** An SSCC in any form a scanner sends it, as its 18 digits; a 422 on {@code field} for anything else (a shipper's own number too). */
    static String sscc(String field, String scan) {
        String code = parse(field, scan);
        if (code == null || code.length() != 18 || !DIGITS.matcher(code).matches()) {
            throw ApiProblem.invalid(field, "is not an SSCC (18 digits with their check digit, or a GS1-128 label with AI 00)");
        }
        return code;
    }

    private static String what(String field) {
        return field.startsWith("pallet") ? "pallet" : "carton";
    }
}
