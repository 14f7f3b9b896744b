package io.stowage.api.billing;

import java.math.BigDecimal;
import java.util.Currency;

/** Minor units written as the currency's major units ({@code 123456} EUR is {@code 1234.56}), the way invoices print them. */
final class Money {

    private Money() {
    }

    static String format(long minor, String currency) {
        return BigDecimal.valueOf(minor).movePointLeft(digits(currency)).toPlainString();
    }

    /** A rate may hold fractions of a minor unit (a markup); it keeps them, with at least the currency's digits. */
    static String formatRate(BigDecimal minor, String currency) {
        int digits = digits(currency);
        BigDecimal major = minor.movePointLeft(digits).stripTrailingZeros();
        return major.scale() < digits ? major.setScale(digits).toPlainString() : major.toPlainString();
    }

    static int digits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }
}
