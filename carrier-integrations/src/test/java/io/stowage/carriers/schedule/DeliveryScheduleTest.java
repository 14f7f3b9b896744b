package io.stowage.carriers.schedule;

import io.stowage.carriers.spi.CarrierService;
import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.Dimensions;
import io.stowage.carriers.spi.ServiceLimits;
import io.stowage.carriers.spi.ServiceSpeed;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryScheduleTest {

    private final CarrierService weekdays = new CarrierService("post", "parcel", "Parcel", ServiceSpeed.STANDARD,
            DeliveryMode.DOOR, 2, LocalTime.of(15, 0), ZoneId.of("Europe/Riga"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            new ServiceLimits(30_000, new Dimensions(1000, 1000, 1000), 0, Set.of("LV"), true), 400);

    @Test
    void readyBeforeCutOffShipsTheSameDay() {
        // Thursday 2026-11-19 10:00 in Riga (08:00 UTC).
        DeliveryEstimate estimate = DeliverySchedule.estimate(weekdays, 2, Instant.parse("2026-11-19T08:00:00Z"));

        assertThat(estimate.shipDate()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(estimate.deliveryDate()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void cutOffIsReadInTheCarriersTimeZone() {
        // 13:30 UTC is 15:30 in Riga: past the 15:00 cut-off although it is before 15:00 UTC.
        DeliveryEstimate estimate = DeliverySchedule.estimate(weekdays, 1, Instant.parse("2026-11-19T13:30:00Z"));

        assertThat(estimate.shipDate()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void missingFridaysCutOffShipsOnMonday() {
        DeliveryEstimate estimate = DeliverySchedule.estimate(weekdays, 2, Instant.parse("2026-11-20T15:00:00Z"));

        assertThat(estimate.shipDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(estimate.deliveryDate()).isEqualTo(LocalDate.of(2026, 11, 25));
    }
}
