package io.stowage.api.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * When a parcel on its way counts as late, and why, in words for the merchant and the customer:
 * its delivery date was promised and has passed, or even the earliest expected date is after it;
 * or nothing was heard of it for longer than its lane normally takes from label to door. A parcel
 * waiting at a pickup point is never late: it has arrived, and it waits for the customer, silently,
 * until its collect-by date (after which the carrier sends it back, an exception of its own).
 */
final class LateRule {

    private LateRule() {
    }

    /**
     * @param status       the parcel's normalised status ({@link TrackingStatuses})
     * @param eta          the ETA shown: the carrier's own when it gave one, else Stowage's; or null
     * @param lastHeard    the last carrier event, or the label time when there was none
     * @param silenceLimit how long the lane's parcels normally take (or the configured limit without history)
     * @param fromHistory  whether the limit comes from the lane's history
     */
    static Optional<String> reason(String status, LocalDate promisedOn, ShipmentTracking.Eta eta, LocalDate today, Instant lastHeard,
                                   Instant now, Duration silenceLimit, boolean fromHistory) {
        if (TrackingStatuses.AVAILABLE_FOR_PICKUP.equals(status)) {
            return Optional.empty();
        }
        if (promisedOn != null && today.isAfter(promisedOn)) {
            return Optional.of("not delivered by the promised date " + promisedOn);
        }
        if (promisedOn != null && eta != null && eta.from().isAfter(promisedOn)) {
            String whose = ShipmentTracking.BASIS_CARRIER.equals(eta.basis()) ? "the carrier expects it " : "expected ";
            return Optional.of(whose + range(eta) + ", after the promised date " + promisedOn);
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
