package io.stowage.barcodes.gs1;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Content checks named in the Syntax Dictionary. Only the checks that need no external code
 * lists are applied; list-based ones (ISO country and currency codes, IBAN, coupon layouts,
 * GCP lengths) are left to the systems that own those lists.
 */
final class Linters {

    private Linters() {
    }

    /** A human description of what is wrong with {@code part}, or empty when it passes. */
    static Optional<String> problem(String linter, String part) {
        return switch (linter) {
            case "csum" -> Gs1CheckDigit.isValid(part) ? ok()
                    : fail("has check digit " + part.charAt(part.length() - 1) + ", expected "
                    + Gs1CheckDigit.compute(part.substring(0, part.length() - 1)));
            case "yymmdd" -> sixDigitDate(part, false);
            case "yymmd0" -> sixDigitDate(part, true);
            case "yyyymmdd" -> eightDigitDate(part);
            case "hhmi" -> hourMinute(part);
            case "hh" -> range(part, 0, 23, "hour");
            case "mi" -> range(part, 0, 59, "minute");
            case "ss" -> range(part, 0, 59, "second");
            case "yesno" -> part.equals("0") || part.equals("1") ? ok() : fail("must be 0 or 1");
            case "zero" -> part.equals("0") ? ok() : fail("must be 0");
            case "nonzero" -> part.chars().allMatch(c -> c == '0') ? fail("must not be zero") : ok();
            case "hyphen" -> part.equals("-") ? ok() : fail("must be '-'");
            case "nozeroprefix" -> part.length() > 1 && part.charAt(0) == '0'
                    ? fail("must not start with 0") : ok();
            case "pieceoftotal" -> pieceOfTotal(part);
            default -> ok();
        };
    }

    private static Optional<String> sixDigitDate(String part, boolean dayZeroAllowed) {
        if (!dayZeroAllowed && part.endsWith("00")) {
            return fail("is not a date: day 00 is not allowed here");
        }
        try {
            Gs1Dates.resolve(part);
            return ok();
        } catch (InvalidBarcodeException e) {
            return fail("is not a valid YYMMDD date");
        }
    }

    private static Optional<String> eightDigitDate(String part) {
        try {
            LocalDate.of(Integer.parseInt(part.substring(0, 4)), Integer.parseInt(part.substring(4, 6)),
                    Integer.parseInt(part.substring(6, 8)));
            return ok();
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return fail("is not a valid YYYYMMDD date");
        }
    }

    private static Optional<String> hourMinute(String part) {
        if (part.length() != 4) {
            return fail("is not HHMI");
        }
        return range(part.substring(0, 2), 0, 23, "hour").or(() -> range(part.substring(2), 0, 59, "minute"));
    }

    private static Optional<String> pieceOfTotal(String part) {
        int half = part.length() / 2;
        int piece = Integer.parseInt(part.substring(0, half));
        int total = Integer.parseInt(part.substring(half));
        return piece >= 1 && total >= 1 && piece <= total ? ok() : fail("piece " + piece + " of total " + total
                + " is not a valid piece count");
    }

    private static Optional<String> range(String part, int min, int max, String what) {
        int value = Integer.parseInt(part);
        return value >= min && value <= max ? ok() : fail("has " + what + " " + part + " outside " + min + "-" + max);
    }

    private static Optional<String> ok() {
        return Optional.empty();
    }

    private static Optional<String> fail(String reason) {
        return Optional.of(reason);
    }
}
