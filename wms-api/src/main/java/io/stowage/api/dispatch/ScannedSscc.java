package io.stowage.api.dispatch;

import io.stowage.api.problem.ApiProblem;
import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.Sscc;

/**
 * The SSCC a dock worker scanned off a carton's label, in any form a scanner sends it: the 18 digits
 * alone, the GS1-128 data with its AI ({@code 00} and the digits, with or without the symbology
 * identifier {@code ]C1}), or the human-readable line {@code (00)...}. The check digit is verified,
 * so a misread never finds another carton.
 */
final class ScannedSscc {

    private ScannedSscc() {
    }

    /** The 18 digits, or a 422 on the {@code field} that says what was wrong. */
    static String parse(String field, String scan) {
        if (scan == null || scan.isBlank()) {
            throw ApiProblem.invalid(field, "is required: scan the SSCC barcode on the carton's label");
        }
        String text = scan.trim();
        try {
            if (text.length() == 18 && text.chars().allMatch(Character::isDigit)) {
                return Sscc.parse(text).value();
            }
            ElementString data = text.startsWith("(") ? ElementString.parseBracketed(text) : ElementString.parseUnbracketed(text);
            String digits = data.get("00").orElseThrow(() -> ApiProblem.invalid(field,
                    "holds no SSCC (AI 00): scan the SSCC barcode of the carton's label, not another barcode"));
            return Sscc.parse(digits).value();
        } catch (RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw ApiProblem.invalid(field, "is not an SSCC: " + e.getMessage());
        }
    }
}
