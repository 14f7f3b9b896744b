package io.stowage.scanner.input;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The shapes of a site's own codes. Matching is case-insensitive because a wedge scanner types
 * lower case when Caps Lock is on.
 */
public record ScanPatterns(Pattern location, Pattern lpn, Pattern badge) {

    public ScanPatterns {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(lpn, "lpn");
        Objects.requireNonNull(badge, "badge");
    }

    /**
     * Locations as aisle-bay-level-position ({@code A-03-02-B}), licence plates as {@code LPN}
     * and digits, badges as {@code B} and digits.
     */
    public static ScanPatterns defaults() {
        return new ScanPatterns(
                Pattern.compile("[A-Z]{1,3}-\\d{2,3}-\\d{2}-[A-Z0-9]{1,2}", Pattern.CASE_INSENSITIVE),
                Pattern.compile("LPN\\d{1,18}", Pattern.CASE_INSENSITIVE),
                Pattern.compile("B\\d{1,10}", Pattern.CASE_INSENSITIVE));
    }
}
