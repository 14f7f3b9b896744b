package io.stowage.carriers.spi;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * One service a carrier sells. The cut-off is the latest local time (in the carrier's zone) a parcel
 * can be handed over to leave the same day; pickup days are the days the carrier collects at all.
 *
 * @param transitDays      the fastest transit in business days (per-destination figures come with each quote)
 * @param co2GramsPerParcel typical emissions of one parcel, used for eco preferences
 */
public record CarrierService(String carrierCode, String serviceCode, String name, ServiceSpeed speed,
                             DeliveryMode deliveryMode, int transitDays, LocalTime cutOff, ZoneId timeZone,
                             Set<DayOfWeek> pickupDays, ServiceLimits limits, int co2GramsPerParcel) {

    public CarrierService {
        Objects.requireNonNull(carrierCode, "carrierCode");
        Objects.requireNonNull(serviceCode, "serviceCode");
        pickupDays = Set.copyOf(pickupDays);
        if (pickupDays.isEmpty()) {
            throw new IllegalArgumentException("service " + carrierCode + "/" + serviceCode + " has no pickup days");
        }
    }

    /** carrier/service, unique across all carriers. */
    public String qualifiedCode() {
        return carrierCode + "/" + serviceCode;
    }
}
