package io.stowage.carriers.schedule;

import io.stowage.carriers.spi.CarrierService;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Turns a service's cut-off, pickup days and transit time into dates. A parcel ready before the
 * cut-off on a pickup day ships that day; otherwise on the next pickup day. Transit counts
 * business days (Monday to Friday); public holidays are not modelled.
 */
public final class DeliverySchedule {

    private DeliverySchedule() {
    }

    public static DeliveryEstimate estimate(CarrierService service, int transitBusinessDays, Instant readyAt) {
        ZonedDateTime local = readyAt.atZone(service.timeZone());
        LocalDate shipDate = local.toLocalDate();
        if (!local.toLocalTime().isBefore(service.cutOff())) {
            shipDate = shipDate.plusDays(1);
        }
        while (!service.pickupDays().contains(shipDate.getDayOfWeek())) {
            shipDate = shipDate.plusDays(1);
        }
        return new DeliveryEstimate(shipDate, addBusinessDays(shipDate, transitBusinessDays));
    }

    /** The day that many business days after {@code from}: {@code from} itself for none. */
    public static LocalDate addBusinessDays(LocalDate from, int businessDays) {
        LocalDate date = from;
        int remaining = businessDays;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    private static boolean isBusinessDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
