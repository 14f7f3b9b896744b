package io.stowage.carriers.selection;

import io.stowage.carriers.spi.BillableWeight;
import io.stowage.carriers.spi.CarrierService;
import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.Dimensions;
import io.stowage.carriers.spi.Money;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.ServiceLimits;
import io.stowage.carriers.spi.ServiceSpeed;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds quotes for selection tests without going through a carrier. */
final class Quotes {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private Quotes() {
    }

    static RateQuote quote(String carrier, String service, ServiceSpeed speed, DeliveryMode mode, long priceCents,
                           LocalDate delivery, int co2Grams) {
        CarrierService carrierService = new CarrierService(carrier, service, carrier + " " + service, speed, mode, 1,
                LocalTime.of(15, 0), ZoneId.of("Europe/Riga"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                new ServiceLimits(30_000, new Dimensions(1000, 1000, 1000), 0, Set.of("LV"), true), co2Grams);
        return new RateQuote(carrierService, Money.of(priceCents, "EUR"), List.of(), Money.of(priceCents, "EUR"),
                new BillableWeight(1000, 500, 1000), MONDAY, delivery, 1, Optional.empty());
    }

    static RateQuote door(String carrier, long priceCents, LocalDate delivery) {
        return quote(carrier, "standard", ServiceSpeed.STANDARD, DeliveryMode.DOOR, priceCents, delivery, 400);
    }

    static ParcelDemand demand(String id, DeliveryPreference preference, LocalDate promisedBy) {
        return new ParcelDemand(id, preference, promisedBy, Set.of());
    }
}
