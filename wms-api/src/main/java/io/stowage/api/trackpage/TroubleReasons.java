package io.stowage.api.trackpage;

import io.stowage.api.Published;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What kind of trouble a delayed or exception flag is, as a code the customer's texts are written
 * for. Tracking states its reasons in English (and an exception in the carrier's own words), which
 * a page or a notice in Lithuanian must not pass on; the tracking page and the customer notices
 * both say the kind of trouble in the customer's language instead, and so use this one rule.
 */
@Published
public final class TroubleReasons {

    /** The promised date has passed or will be missed. */
    public static final String LATE = "late";
    /** Nothing heard from the carrier for longer than the lane normally takes. */
    public static final String STALLED = "stalled";
    public static final String FAILED_ATTEMPT = "failed_attempt";
    public static final String ADDRESS = "address";
    public static final String RETURNED = "returned";
    public static final String OTHER = "other";
    public static final List<String> CODES = List.of(LATE, STALLED, FAILED_ATTEMPT, ADDRESS, RETURNED, OTHER);

    private TroubleReasons() {
    }

    /**
     * @param flag       {@code delayed} or {@code exception}
     * @param status     the parcel's normalised status
     * @param reason     tracking's reason in words, or null
     * @param promisedOn the date the shop promised, or null
     * @param expectedBy the last day of the current ETA, or null
     */
    public static String of(String flag, String status, String reason, LocalDate promisedOn, LocalDate expectedBy) {
        String words = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if ("delayed".equals(flag)) {
            if (words.contains("promised")) {
                return LATE;
            }
            if (words.contains("no carrier event")) {
                return STALLED;
            }
            return promisedOn != null && (expectedBy == null || expectedBy.isAfter(promisedOn)) ? LATE : STALLED;
        }
        if ("returned_to_sender".equals(status)) {
            return RETURNED;
        }
        if (words.contains("address")) {
            return ADDRESS;
        }
        if (words.contains("attempt") || words.contains("not home") || words.contains("absent") || words.contains("missed")) {
            return FAILED_ATTEMPT;
        }
        if (words.contains("return")) {
            return RETURNED;
        }
        return OTHER;
    }
}
