package io.stowage.api.trackpage;

import io.stowage.api.Published;
import java.util.Locale;

/**
 * The merchant's name and colours on a customer's page. The brand colour is the header's background;
 * its text is black or white, whichever contrasts more with it: for any colour one of the two reaches
 * WCAG's 4.5:1 for body text, so the merchant may choose any colour and the page stays readable.
 * Links and buttons on the white page body use the brand colour only where it reaches 4.5:1 on white,
 * and the pages' own dark blue otherwise.
 *
 * @param colour     the header's background, {@code #rrggbb}
 * @param textColour the header's text on it
 * @param accent     links and buttons on the white body
 * @param onAccent   text on an accent-coloured button
 */
@Published
public record CustomerBrand(String name, String colour, String textColour, String accent, String onAccent) {

    /** The pages' own colour, for a merchant without one and for pages that belong to no merchant (an unknown link). */
    public static final String DEFAULT_COLOUR = "#1f3a5f";
    static final String WHITE = "#ffffff";
    static final String BLACK = "#000000";
    private static final double READABLE = 4.5;

    /** The merchant's brand; {@code colour} null for the pages' own. */
    public static CustomerBrand of(String name, String colour) {
        String background = colour == null || !colour.matches("#[0-9A-Fa-f]{6}") ? DEFAULT_COLOUR : colour.toLowerCase(Locale.ROOT);
        String text = contrast(background, WHITE) >= contrast(background, BLACK) ? WHITE : BLACK;
        String accent = contrast(background, WHITE) >= READABLE ? background : DEFAULT_COLOUR;
        return new CustomerBrand(name, background, text, accent, WHITE);
    }

    /** A page that names no merchant: an unknown tracking link reveals nothing, not even whose it might be. */
    public static CustomerBrand neutral() {
        return of("", null);
    }

    /** WCAG 2 contrast ratio of two {@code #rrggbb} colours, 1 to 21. */
    static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
