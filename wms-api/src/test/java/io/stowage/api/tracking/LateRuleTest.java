package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a parcel on its way counts as late, and the reason given. Warning once is {@code LateWarningsTest}'s. */
class LateRuleTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-09");
    private static final Instant NOW = Instant.parse("2026-12-09T12:00:00Z");
    private static final Instant AN_HOUR_AGO = NOW.minus(Duration.ofHours(1));
    private static final Duration LIMIT = Duration.ofHours(48);

    private static ShipmentTracking.Eta own(String from, String to) {
        return new ShipmentTracking.Eta(LocalDate.parse(from), LocalDate.parse(to), ShipmentTracking.BASIS_LANE_HISTORY);
    }

    private static ShipmentTracking.Eta carriers(String on) {
        return new ShipmentTracking.Eta(LocalDate.parse(on), LocalDate.parse(on), ShipmentTracking.BASIS_CARRIER);
    }

    @Test
    void aParcelHeardOfRecentlyAndExpectedByThePromiseIsNotLate() {
        assertThat(LateRule.reason(TrackingStatuses.IN_TRANSIT, TODAY.plusDays(1), own("2026-12-09", "2026-12-10"), TODAY, AN_HOUR_AGO,
                NOW, LIMIT, true)).isEmpty();
        assertThat(LateRule.reason(TrackingStatuses.IN_TRANSIT, TODAY, own("2026-12-09", "2026-12-09"), TODAY, AN_HOUR_AGO, NOW, LIMIT,
                true)).as("the promised day itself is not late yet").isEmpty();
        assertThat(LateRule.reason(TrackingStatuses.IN_TRANSIT, null, null, TODAY, AN_HOUR_AGO, NOW, LIMIT, false)).isEmpty();
    }

    @Test
    void aParcelNotDeliveredByThePromisedDateIsLate() {
        assertThat(LateRule.reason(TrackingStatuses.OUT_FOR_DELIVERY, TODAY.minusDays(1), own("2026-12-09", "2026-12-09"), TODAY,
                AN_HOUR_AGO, NOW, LIMIT, true)).contains("not delivered by the promised date 2026-12-08");
    }

    @Test
    void aParcelWhoseEarliestExpectedDateIsAfterThePromiseIsLateBeforeThePromisePasses() {
        assertThat(LateRule.reason(TrackingStatuses.IN_TRANSIT, LocalDate.parse("2026-12-10"), own("2026-12-11", "2026-12-14"), TODAY,
                AN_HOUR_AGO, NOW, LIMIT, true)).contains("expected between 2026-12-11 and 2026-12-14, after the promised date 2026-12-10");
        assertThat(LateRule.reason(TrackingStatuses.IN_TRANSIT, LocalDate.parse("2026-12-10"), own("2026-12-10", "2026-12-14"), TODAY,
                AN_HOUR_AGO, NOW, LIMIT, true)).as("the promise is still within the range").isEmpty();
    }

    @Test
    void theCarriersOwnEstimateAfterThePromiseIsLateAndTheReasonSaysWhoseEstimateItIs() {
        assertThat(LateRule.reason(TrackingStatuses.IN_TRANSIT, LocalDate.parse("2026-12-10"), carriers("2026-12-12"), TODAY,
                AN_HOUR_AGO, NOW, LIMIT, false)).contains("the carrier expects it on 2026-12-12, after the promised date 2026-12-10");
    }

    @Test
    void aParcelNotHeardOfForLongerThanTheLaneNormallyTakesIsLate() {
        assertThat(LateRule.reason(TrackingStatuses.IN_TRANSIT, null, null, TODAY, NOW.minus(Duration.ofHours(55)), NOW,
                Duration.ofHours(54), true))
                .contains("no carrier event for 55 hours; parcels on this lane are normally delivered within 54 hours");
        assertThat(LateRule.reason(TrackingStatuses.LABEL_CREATED, null, null, TODAY, NOW.minus(Duration.ofHours(49)), NOW, LIMIT, false))
                .contains("no carrier event for 49 hours; the limit without lane history is 48 hours");
        assertThat(LateRule.reason(TrackingStatuses.IN_TRANSIT, null, null, TODAY, NOW.minus(Duration.ofHours(47)), NOW, LIMIT, false))
                .isEmpty();
    }

    /** It has arrived: it waits for the customer, without news, until its collect-by date. */
    @Test
    void aParcelWaitingAtAPickupPointIsNotLateHoweverLongItWaitsOrWhateverWasPromised() {
        assertThat(LateRule.reason(TrackingStatuses.AVAILABLE_FOR_PICKUP, TODAY.minusDays(3), own("2026-12-09", "2026-12-09"), TODAY,
                NOW.minus(Duration.ofDays(5)), NOW, LIMIT, false)).isEmpty();
    }

    @Test
    void durationsAreSaidInHoursMinutesOrSeconds() {
        assertThat(LateRule.words(Duration.ofHours(49).plusMinutes(59))).isEqualTo("49 hours");
        assertThat(LateRule.words(Duration.ofMinutes(119))).isEqualTo("119 minutes");
        assertThat(LateRule.words(Duration.ofSeconds(119))).isEqualTo("119 seconds");
    }
}
