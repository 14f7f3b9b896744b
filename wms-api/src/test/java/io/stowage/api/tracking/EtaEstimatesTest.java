package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.carriers.spi.CarrierService;
import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.Dimensions;
import io.stowage.carriers.spi.ServiceLimits;
import io.stowage.carriers.spi.ServiceSpeed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Stowage's own ETA from what the lane's history says (the query is {@code LaneHistoryTest}'s): the 50th
 * to the 90th percentile once the lane has enough deliveries, else the service's transit days, and the
 * basis it rests on.
 */
class EtaEstimatesTest {

    /** Two business days, cut-off 16:00 in Riga, collected Monday to Friday. */
    private static final CarrierService TWO_DAYS = new CarrierService("omniva", "courier", "Omniva Courier", ServiceSpeed.STANDARD,
            DeliveryMode.DOOR, 2, LocalTime.of(16, 0), ZoneId.of("Europe/Riga"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            new ServiceLimits(30_000, new Dimensions(1200, 800, 800), 3000, Set.of("LV"), true), 400);
    private static final Instant MONDAY_MORNING = Instant.parse("2026-12-07T08:00:00Z");
    private static final LocalDate MONDAY = LocalDate.parse("2026-12-07");

    private final EtaEstimates etas = new EtaEstimates(null, TrackingRuleSettings.defaults());

    private static EtaEstimates.LaneHistory history(int deliveries, Duration median, Duration ninetieth) {
        return new EtaEstimates.LaneHistory(deliveries, median, ninetieth);
    }

    /** A parcel to Latvia on the two-day service, without quoted transit days (a label bought before they were kept). */
    private static EtaEstimates.Parcel toRiga(Instant labelledAt) {
        return new EtaEstimates.Parcel(labelledAt, "LV", Optional.of(TWO_DAYS), null);
    }

    /** The moment it is at noon of the day in Riga. */
    private static Instant noonInRiga(LocalDate day) {
        return day.atTime(12, 0).atZone(ZoneId.of("Europe/Riga")).toInstant();
    }

    @Test
    void aLaneWithEnoughDeliveriesGivesTheRangeFromItsMedianToItsNinetiethPercentile() {
        Optional<ShipmentTracking.Eta> eta = etas.estimate(history(20, Duration.ofHours(30), Duration.ofHours(54)), toRiga(MONDAY_MORNING), noonInRiga(MONDAY));

        assertThat(eta).contains(new ShipmentTracking.Eta(LocalDate.parse("2026-12-08"), LocalDate.parse("2026-12-09"),
                ShipmentTracking.BASIS_LANE_HISTORY));
    }

    @Test
    void aLaneWhoseParcelsArriveOnOneDayGivesThatDay() {
        Optional<ShipmentTracking.Eta> eta = etas.estimate(history(40, Duration.ofHours(26), Duration.ofHours(30)), toRiga(MONDAY_MORNING), noonInRiga(MONDAY));

        assertThat(eta).contains(new ShipmentTracking.Eta(LocalDate.parse("2026-12-08"), LocalDate.parse("2026-12-08"),
                ShipmentTracking.BASIS_LANE_HISTORY));
    }

    @Test
    void aThinLaneFallsBackToTheServicesTransitDaysThroughItsCutOffAndPickupDays() {
        EtaEstimates.LaneHistory thin = history(19, Duration.ofHours(3), Duration.ofHours(4));

        assertThat(etas.estimate(thin, toRiga(MONDAY_MORNING), noonInRiga(MONDAY))).contains(new ShipmentTracking.Eta(
                LocalDate.parse("2026-12-09"), LocalDate.parse("2026-12-09"), ShipmentTracking.BASIS_TRANSIT_DAYS));
        // Friday 17:00 in Riga is after the cut-off: it leaves on Monday and arrives two business days later.
        assertThat(etas.estimate(thin, toRiga(Instant.parse("2026-12-11T15:00:00Z")), noonInRiga(LocalDate.parse("2026-12-11"))))
                .contains(new ShipmentTracking.Eta(LocalDate.parse("2026-12-16"), LocalDate.parse("2026-12-16"),
                        ShipmentTracking.BASIS_TRANSIT_DAYS));
        assertThat(etas.estimate(history(0, null, null), toRiga(MONDAY_MORNING), noonInRiga(MONDAY)))
                .map(ShipmentTracking.Eta::basis).contains(ShipmentTracking.BASIS_TRANSIT_DAYS);
    }

    @Test
    void theMinimumOfDeliveriesIsTheConfiguredOne() {
        EtaEstimates fromFive = new EtaEstimates(null, TrackingRuleSettings.with(Map.of("stowage.tracking.lane-history-minimum", "5")));

        assertThat(fromFive.estimate(history(5, Duration.ofHours(30), Duration.ofHours(54)), toRiga(MONDAY_MORNING), noonInRiga(MONDAY)))
                .map(ShipmentTracking.Eta::basis).contains(ShipmentTracking.BASIS_LANE_HISTORY);
        assertThat(fromFive.estimate(history(4, Duration.ofHours(30), Duration.ofHours(54)), toRiga(MONDAY_MORNING), noonInRiga(MONDAY)))
                .map(ShipmentTracking.Eta::basis).contains(ShipmentTracking.BASIS_TRANSIT_DAYS);
    }

    @Test
    void aRangeThatPassedWithoutDeliveryMovesToToday() {
        LocalDate friday = LocalDate.parse("2026-12-11");

        assertThat(etas.estimate(history(20, Duration.ofHours(30), Duration.ofHours(54)), toRiga(MONDAY_MORNING), noonInRiga(friday)))
                .contains(new ShipmentTracking.Eta(friday, friday, ShipmentTracking.BASIS_LANE_HISTORY));
        assertThat(etas.estimate(history(20, Duration.ofHours(30), Duration.ofHours(80)), toRiga(MONDAY_MORNING), noonInRiga(LocalDate.parse("2026-12-09"))))
                .contains(new ShipmentTracking.Eta(LocalDate.parse("2026-12-09"), LocalDate.parse("2026-12-10"),
                        ShipmentTracking.BASIS_LANE_HISTORY));
        assertThat(etas.estimate(history(3, null, null), toRiga(MONDAY_MORNING), noonInRiga(friday)))
                .contains(new ShipmentTracking.Eta(friday, friday, ShipmentTracking.BASIS_TRANSIT_DAYS));
    }

    @Test
    void withNeitherHistoryNorAKnownServiceNorQuotedTransitDaysThereIsNoEstimate() {
        assertThat(etas.estimate(history(2, Duration.ofHours(30), Duration.ofHours(54)),
                new EtaEstimates.Parcel(MONDAY_MORNING, "LV", Optional.empty(), null), noonInRiga(MONDAY))).isEmpty();
    }

    @Test
    void aParcelMayGoAsLongWithoutNewsAsTheLanesNinetiethPercentileOrTheConfiguredLimitWithoutHistory() {
        assertThat(etas.silenceLimit(history(20, Duration.ofHours(30), Duration.ofHours(54)))).isEqualTo(Duration.ofHours(54));
        assertThat(etas.silenceLimit(history(19, Duration.ofHours(30), Duration.ofHours(54)))).isEqualTo(Duration.ofHours(48));
        assertThat(new EtaEstimates(null, TrackingRuleSettings.with(Map.of("stowage.tracking.silence-limit", "36h")))
                .silenceLimit(history(0, null, null))).isEqualTo(Duration.ofHours(36));
    }

    @Test
    void theQuotedTransitDaysOfTheBoughtRateCountRatherThanTheServicesFastest() {
        EtaEstimates.Parcel quotedFour = new EtaEstimates.Parcel(MONDAY_MORNING, "LV", Optional.of(TWO_DAYS), 4);

        assertThat(etas.estimate(history(0, null, null), quotedFour, noonInRiga(MONDAY))).contains(new ShipmentTracking.Eta(
                LocalDate.parse("2026-12-11"), LocalDate.parse("2026-12-11"), ShipmentTracking.BASIS_TRANSIT_DAYS));
    }

    @Test
    void anAggregatorsParcelWithoutAListedServiceCountsItsQuotedDaysFromTheLabelsDayAtTheDestination() {
        // Monday 22:30 in Buenos Aires is Tuesday 01:30 in UTC: three business days from Monday, not from Tuesday.
        EtaEstimates.Parcel toBuenosAires = new EtaEstimates.Parcel(Instant.parse("2026-12-08T01:30:00Z"), "AR", Optional.empty(), 3);

        assertThat(etas.estimate(history(0, null, null), toBuenosAires, Instant.parse("2026-12-08T02:00:00Z"))).contains(
                new ShipmentTracking.Eta(LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-10"), ShipmentTracking.BASIS_TRANSIT_DAYS));
    }

    @Test
    void theLanesDaysAreTheDestinationsJustAfterItsMidnight() {
        // Labelled Monday 20:30 UTC; 26 hours later it is Tuesday 22:30 in UTC but already Wednesday 00:30 in Vilnius.
        EtaEstimates.Parcel toVilnius = new EtaEstimates.Parcel(Instant.parse("2026-12-07T20:30:00Z"), "LT", Optional.of(TWO_DAYS), null);
        EtaEstimates.LaneHistory oneDayAndTwoHours = history(20, Duration.ofHours(26), Duration.ofHours(26));

        assertThat(etas.estimate(oneDayAndTwoHours, toVilnius, Instant.parse("2026-12-07T20:31:00Z"))).contains(
                new ShipmentTracking.Eta(LocalDate.parse("2026-12-09"), LocalDate.parse("2026-12-09"), ShipmentTracking.BASIS_LANE_HISTORY));
        // Just before midnight in Vilnius the day is still Tuesday.
        EtaEstimates.LaneHistory oneDay = history(20, Duration.ofHours(25), Duration.ofHours(25));
        assertThat(etas.estimate(oneDay, toVilnius, Instant.parse("2026-12-07T20:31:00Z"))).contains(
                new ShipmentTracking.Eta(LocalDate.parse("2026-12-08"), LocalDate.parse("2026-12-08"), ShipmentTracking.BASIS_LANE_HISTORY));
    }

    @Test
    void todayIsTheDestinationsSoAPassedRangeMovesToItsDateAfterItsMidnight() {
        EtaEstimates.Parcel toVilnius = new EtaEstimates.Parcel(MONDAY_MORNING, "LT", Optional.of(TWO_DAYS), null);
        EtaEstimates.LaneHistory dueTuesday = history(20, Duration.ofHours(26), Duration.ofHours(30));

        // Tuesday 23:59 in Vilnius: still due today. Wednesday 00:30 in Vilnius (Tuesday 22:30 UTC): due today, Wednesday.
        assertThat(etas.estimate(dueTuesday, toVilnius, Instant.parse("2026-12-08T21:59:00Z")).map(ShipmentTracking.Eta::from))
                .contains(LocalDate.parse("2026-12-08"));
        assertThat(etas.estimate(dueTuesday, toVilnius, Instant.parse("2026-12-08T22:30:00Z")).map(ShipmentTracking.Eta::from))
                .contains(LocalDate.parse("2026-12-09"));
    }

    @Test
    void aLabelJustAfterMidnightOnMondayAtTheDestinationCountsFromMondayNotFromSundayInUtc() {
        // Sunday 22:30 UTC is Monday 00:30 in Vilnius: one business day from Monday is Tuesday (from Sunday it would be Monday).
        EtaEstimates.Parcel toVilnius = new EtaEstimates.Parcel(Instant.parse("2026-12-13T22:30:00Z"), "LT", Optional.empty(), 1);

        assertThat(etas.estimate(history(0, null, null), toVilnius, Instant.parse("2026-12-13T22:31:00Z"))).contains(
                new ShipmentTracking.Eta(LocalDate.parse("2026-12-15"), LocalDate.parse("2026-12-15"), ShipmentTracking.BASIS_TRANSIT_DAYS));
    }
}
