package io.stowage.api.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * When a parcel on its way counts as late, and why, in words for the merchant and the customer:
 * its delivery date was promised and has passed, or even the earliest expected date is after it;
 * or nothing was heard of it for longer than its lane normally takes from label to door.
 */
final class LateRule {

    private LateRule() {
    }

    /**
     * @param lastHeard    the last carrier event, or the label time when there was none
     * @param silenceLimit how long the lane's parcels normally take (or the configured limit without history)
     * @param fromHistory  whether the limit comes from the lane's history
     */
    static Optional<String> reason(LocalDate promisedOn, ShipmentTracking.Eta eta, LocalDate today, Instant lastHeard, Instant now,
                                   Duration silenceLimit, boolean fromHistory) {
        if (promisedOn != null && today.isAfter(promisedOn)) {
            return Optional.of("not delivered by the promised date " + promisedOn);
        }
        if (promisedOn != null && eta != null && eta.from().isAfter(promisedOn)) {
            return Optional.of("expected " + range(eta) + ", after the promised date " + promisedOn);
        }
        Duration silent = Duration.between(lastHeard, now);
        if (silent.compareTo(silenceLimit) > 0) {
            return Optional.of("no carrier event for " + words(silent) + "; "
                    + (fromHistory ? "parcels on this lane are normally delivered within " + words(silenceLimit)
                    : "the limit without lane history is " + words(silenceLimit)));
        }
        return Optional.empty();
    }

    private static String range(ShipmentTracking.Eta eta) {
        return eta.from().equals(eta.to()) ? "on " + eta.from() : "between " + eta.from() + " and " + eta.to();
    }

    static String words(Duration duration) {
        if (duration.toHours() >= 2) {
            return duration.toHours() + " hours";
        }
        if (duration.toMinutes() >= 2) {
            return duration.toMinutes() + " minutes";
        }
        return duration.toSeconds() + " seconds";
    }
}
