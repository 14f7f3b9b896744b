package io.stowage.barcodes.gs1;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * GS1 six-digit dates (YYMMDD). The century follows the GS1 General Specifications sliding
 * window: a year more than 50 years ahead of today belongs to the previous century, one more
 * than 49 years behind to the next. Day {@code 00} means the last day of the month, which
 * GS1 allows for best-before and expiry dates.
 */
public final class Gs1Dates {

    private Gs1Dates() {
    }

    /** Resolves a YYMMDD string, accepting day 00 as the end of the month. */
    public static LocalDate resolve(String yymmdd) {
        return resolve(yymmdd, LocalDate.now(ZoneOffset.UTC).getYear());
    }

    static LocalDate resolve(String yymmdd, int currentYear) {
        if (yymmdd == null || yymmdd.length() != 6 || !Gs1CheckDigit.isAllDigits(yymmdd)) {
            throw new InvalidBarcodeException("Date '" + yymmdd + "' must be six digits YYMMDD");
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        int century = currentYear / 100 * 100;
        int difference = yy - currentYear % 100;
        if (difference >= 51) {
            century -= 100;
        } else if (difference <= -50) {
            century += 100;
        }
        try {
            YearMonth yearMonth = YearMonth.of(century + yy, month);
            return day == 0 ? yearMonth.atEndOfMonth() : yearMonth.atDay(day);
        } catch (DateTimeException e) {
            throw new InvalidBarcodeException("Date " + yymmdd + " is not a calendar date", e);
        }
    }
}
