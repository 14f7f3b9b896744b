package io.stowage.benchmarks.carriers;

import io.stowage.carriers.selection.CarrierCapacity;
import io.stowage.carriers.selection.DayPlan;
import io.stowage.carriers.selection.DeliveryPreference;
import io.stowage.carriers.selection.ParcelDemand;
import io.stowage.carriers.selection.PlannedParcel;
import io.stowage.carriers.selection.RateShopper;
import io.stowage.carriers.selection.SelectionPolicy;
import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.Carrier;
import io.stowage.carriers.spi.Parcel;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.RateRequest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A generated day at a Riga warehouse: parcels to the Baltics and beyond, priced on the sample
 * rate cards, with checkout promises, customer choices, merchants' preferred carriers, and carrier
 * collection capacities set a little tighter than the cheapest choices would need.
 */
final class GeneratedDay {

    private static final Address WAREHOUSE = Address.of("Stowage Riga", "Krasta iela 52", "Rīga", "LV-1003", "LV");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final ZoneId RIGA = ZoneId.of("Europe/Riga");
    private static final List<Set<String>> MERCHANT_PREFERENCES = List.of(
            Set.of(), Set.of(), Set.of("omniva"), Set.of("dpd-baltics"), Set.of("latvijas-pasts", "omniva"));
    /** Share of the day's parcels each carrier collects at most; together barely more than all parcels. */
    private static final List<CapacityShare> CAPACITY_SHARES = List.of(
            new CapacityShare("latvijas-pasts", 0.30), new CapacityShare("omniva", 0.40), new CapacityShare("dpd-baltics", 0.40));

    private record CapacityShare(String carrierCode, double share) {
    }

    private GeneratedDay() {
    }

    static DayPlan generate(List<Carrier> carriers, int parcelCount, long seed) {
        Random random = new Random(seed);
        RateShopper shopper = new RateShopper(carriers);
        List<PlannedParcel> parcels = new ArrayList<>();
        for (int i = 0; parcels.size() < parcelCount; i++) {
            Address destination = destination(random, i);
            Parcel parcel = parcel(random);
            Instant readyAt = ZonedDateTime.of(DAY.atTime(8, 0), RIGA).plusMinutes(random.nextInt(9 * 60)).toInstant();
            // Rate cards answer at once; the benchmark measures the solve, not the quoting.
            List<RateQuote> quotes = shopper.quoteAll(new RateRequest(WAREHOUSE, destination, parcel, readyAt)).toCompletableFuture().join();
            DeliveryPreference preference = preference(random);
            List<RateQuote> acceptable = quotes.stream().filter(quote -> preference.accepts(quote.service())).toList();
            if (acceptable.isEmpty()) {
                continue;
            }
            // Checkout promised the fastest acceptable delivery plus up to two days of slack.
            LocalDate fastest = acceptable.stream().map(RateQuote::estimatedDelivery).min(LocalDate::compareTo).orElseThrow();
            LocalDate promisedBy = addWeekdays(fastest, random.nextInt(3));
            Set<String> preferred = MERCHANT_PREFERENCES.get(random.nextInt(MERCHANT_PREFERENCES.size()));
            parcels.add(new PlannedParcel(new ParcelDemand("P" + i, preference, promisedBy, preferred), quotes));
        }
        List<CarrierCapacity> capacities = CAPACITY_SHARES.stream()
                .map(share -> new CarrierCapacity(share.carrierCode(), (int) Math.ceil(parcelCount * share.share())))
                .toList();
        return DayPlan.unassigned(parcels, capacities, SelectionPolicy.defaultsFor("EUR"));
    }

    private static Address destination(Random random, int index) {
        int pick = random.nextInt(100);
        String name = "Customer " + index;
        if (pick < 50) {
            return Address.of(name, "Brīvības iela " + (1 + random.nextInt(200)), "Rīga", "LV-" + (1001 + random.nextInt(4900)), "LV");
        }
        if (pick < 72) {
            return Address.of(name, "Gedimino pr. " + (1 + random.nextInt(60)), "Vilnius", "LT-" + (10000 + random.nextInt(89999)), "LT");
        }
        if (pick < 92) {
            return Address.of(name, "Narva mnt " + (1 + random.nextInt(90)), "Tallinn", String.valueOf(10000 + random.nextInt(89999)), "EE");
        }
        if (pick < 97) {
            return Address.of(name, "Mannerheimintie " + (1 + random.nextInt(90)), "Helsinki", String.format("%05d", random.nextInt(99999)), "FI");
        }
        if (pick < 99) {
            return Address.of(name, "ul. Marszałkowska " + (1 + random.nextInt(90)), "Warszawa", String.format("%02d-%03d", random.nextInt(99), random.nextInt(999)), "PL");
        }
        return Address.of(name, "Slovenska cesta " + (1 + random.nextInt(60)), "Ljubljana", String.valueOf(1000 + random.nextInt(8999)), "SI");
    }

    /** Mostly small e-commerce parcels, some bulky ones whose volume decides the price. */
    private static Parcel parcel(Random random) {
        int weight = (int) Math.min(29_000, Math.max(150, Math.exp(6.8 + random.nextGaussian() * 0.9)));
        int length = 150 + random.nextInt(450);
        int width = 100 + random.nextInt(Math.max(1, Math.min(length, 350) - 99));
        int height = 30 + random.nextInt(300);
        return Parcel.of(weight, length, width, height);
    }

    private static DeliveryPreference preference(Random random) {
        int pick = random.nextInt(100);
        if (pick < 55) {
            return DeliveryPreference.ANY;
        }
        if (pick < 85) {
            return DeliveryPreference.PICKUP_POINT;
        }
        return pick < 92 ? DeliveryPreference.ECO : DeliveryPreference.EXPRESS;
    }

    private static LocalDate addWeekdays(LocalDate date, int days) {
        LocalDate result = date;
        for (int added = 0; added < days; ) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return result;
    }
}
