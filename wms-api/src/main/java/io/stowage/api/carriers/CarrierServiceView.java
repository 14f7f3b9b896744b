package io.stowage.api.carriers;

import io.stowage.api.Published;
import java.time.DayOfWeek;
import java.util.List;

/**
 * A carrier service a store can offer at checkout and name on an order as {@code code}
 * ({@code carrier/service}, e.g. {@code omniva/locker}). The cut-off is local time in {@code timeZone}.
 */
@Published
public record CarrierServiceView(String code, String carrierCode, String carrierName, String serviceCode, String name, String speed,
                                 String deliveryMode, String cutOff, String timeZone, List<DayOfWeek> pickupDays) {
}
