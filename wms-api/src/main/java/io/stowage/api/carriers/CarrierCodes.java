package io.stowage.api.carriers;

import io.stowage.api.Published;
import java.util.Locale;

/**
 * Carrier codes as the service stores and compares them: trimmed, lower case ({@code sandbox},
 * {@code dpd-baltics}, {@code easypost:ups}). Rate cards spell their codes so already; EasyPost names
 * the real carrier as it likes ({@code easypost:UPS}), and people type what they like. Every code is
 * normalised where it enters (a quote bought, a load opened, a capacity or preference set), so
 * comparisons and SQL equality further on never depend on spelling. The real carrier's own spelling
 * for EasyPost stays in the service code ({@code UPS/Ground}), which is what EasyPost is asked for.
 */
@Published
public final class CarrierCodes {

    private CarrierCodes() {
    }

    /** The code trimmed and in lower case; null stays null. */
    public static String normalise(String code) {
        return code == null ? null : code.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A {@code carrier/service} code (an order's shopper choice) with its carrier part normalised; the
     * service part, after the first slash, is the carrier's own spelling and is kept as typed (trimmed).
     * Null stays null.
     */
    public static String normaliseService(String code) {
        if (code == null) {
            return null;
        }
        String trimmed = code.trim();
        int slash = trimmed.indexOf('/');
        return slash < 0 ? normalise(trimmed) : normalise(trimmed.substring(0, slash)) + "/" + trimmed.substring(slash + 1).trim();
    }
}
