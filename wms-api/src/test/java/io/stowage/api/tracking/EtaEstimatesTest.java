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

    @Test
    void aLaneWithEnoughDeliveriesGivesTheRangeFromItsMedianToItsNinetiethPercentile() {
        Optional<ShipmentTracking.Eta> eta = etas.estimate(history(20, Duration.ofHours(30), Duration.ofHours(54)), MONDAY_MORNING,
                Optional.of(TWO_DAYS), MONDAY);

        assertThat(eta).contains(new ShipmentTracking.Eta(LocalDate.parse("2026-12-08"), LocalDate.parse("2026-12-09"),
                ShipmentTracking.BASIS_LANE_HISTORY));
    }

    @Test
    void aLaneWhoseParcelsArriveOnOneDayGivesThatDay() {
        Optional<ShipmentTracking.Eta> eta = etas.estimate(history(40, Duration.ofHours(26), Duration.ofHours(30)), MONDAY_MORNING,
                Optional.of(TWO_DAYS), MONDAY);

        assertThat(eta).contains(new ShipmentTracking.Eta(LocalDate.parse("2026-12-08"), LocalDate.parse("2026-12-08"),
                ShipmentTracking.BASIS_LANE_HISTORY));
    }

    @Test
    void aThinLaneFallsBackToTheServicesTransitDaysThroughItsCutOffAndPickupDays() {
        EtaEstimates.LaneHistory thin = history(19, Duration.ofHours(3), Duration.ofHours(4));

        assertThat(etas.estimate(thin, MONDAY_MORNING, Optional.of(TWO_DAYS), MONDAY)).contains(new ShipmentTracking.Eta(
                LocalDate.parse("2026-12-09"), LocalDate.parse("2026-12-09"), ShipmentTracking.BASIS_TRANSIT_DAYS));
        // Friday 17:00 in Riga is after the cut-off: it leaves on Monday and arrives two business days later.
        assertThat(etas.estimate(thin, Instant.parse("2026-12-11T15:00:00Z"), Optional.of(TWO_DAYS), LocalDate.parse("2026-12-11")))
                .contains(new ShipmentTracking.Eta(LocalDate.parse("2026-12-16"), LocalDate.parse("2026-12-16"),
                        ShipmentTracking.BASIS_TRANSIT_DAYS));
        assertThat(etas.estimate(history(0, null, null), MONDAY_MORNING, Optional.of(TWO_DAYS), MONDAY))
                .map(ShipmentTracking.Eta::basis).contains(ShipmentTracking.BASIS_TRANSIT_DAYS);
    }

    @Test
    void theMinimumOfDeliveriesIsTheConfiguredOne() {
        EtaEstimates fromFive = new EtaEstimates(null, TrackingRuleSettings.with(Map.of("stowage.tracking.lane-history-minimum", "5")));

        assertThat(fromFive.estimate(history(5, Duration.ofHours(30), Duration.ofHours(54)), MONDAY_MORNING, Optional.of(TWO_DAYS), MONDAY))
                .map(ShipmentTracking.Eta::basis).contains(ShipmentTracking.BASIS_LANE_HISTORY);
        assertThat(fromFive.estimate(history(4, Duration.ofHours(30), Duration.ofHours(54)), MONDAY_MORNING, Optional.of(TWO_DAYS), MONDAY))
                .map(ShipmentTracking.Eta::basis).contains(ShipmentTracking.BASIS_TRANSIT_DAYS);
    }

    @Test
    void aRangeThatPassedWithoutDeliveryMovesToToday() {
        LocalDate friday = LocalDate.parse("2026-12-11");

        assertThat(etas.estimate(history(20, Duration.ofHours(30), Duration.ofHours(54)), MONDAY_MORNING, Optional.of(TWO_DAYS), friday))
                .contains(new ShipmentTracking.Eta(friday, friday, ShipmentTracking.BASIS_LANE_HISTORY));
        assertThat(etas.estimate(history(20, Duration.ofHours(30), Duration.ofHours(80)), MONDAY_MORNING, Optional.of(TWO_DAYS),
                LocalDate.parse("2026-12-09")))
                .contains(new ShipmentTracking.Eta(LocalDate.parse("2026-12-09"), LocalDate.parse("2026-12-10"),
                        ShipmentTracking.BASIS_LANE_HISTORY));
        assertThat(etas.estimate(history(3, null, null), MONDAY_MORNING, Optional.of(TWO_DAYS), friday))
                .contains(new ShipmentTracking.Eta(friday, friday, ShipmentTracking.BASIS_TRANSIT_DAYS));
    }

    @Test
    void withNeitherHistoryNorAKnownServiceThereIsNoEstimate() {
        assertThat(etas.estimate(history(2, Duration.ofHours(30), Duration.ofHours(54)), MONDAY_MORNING, Optional.empty(), MONDAY)).isEmpty();
    }

    @Test
    void aParcelMayGoAsLongWithoutNewsAsTheLanesNinetiethPercentileOrTheConfiguredLimitWithoutHistory() {
        assertThat(etas.silenceLimit(history(20, Duration.ofHours(30), Duration.ofHours(54)))).isEqualTo(Duration.ofHours(54));
        assertThat(etas.silenceLimit(history(19, Duration.ofHours(30), Duration.ofHours(54)))).isEqualTo(Duration.ofHours(48));
        assertThat(new EtaEstimates(null, TrackingRuleSettings.with(Map.of("stowage.tracking.silence-limit", "36h")))
                .silenceLimit(history(0, null, null))).isEqualTo(Duration.ofHours(36));
    }
}
