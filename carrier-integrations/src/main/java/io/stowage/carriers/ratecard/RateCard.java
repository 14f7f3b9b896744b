package io.stowage.carriers.ratecard;

import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.ServiceSpeed;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * A carrier's tariff as configured in a JSON file (see the README for the format). Money is in
 * minor units of {@code currency}; weights in grams; sizes in millimetres; times in {@code timeZone}.
 *
 * @param notice              free text shown with the card; the shipped samples say SAMPLE TARIFFS
 * @param origins             countries the carrier collects from
 * @param postalCodes         a regular expression per destination country; codes that do not match are refused
 * @param remoteAreas         postal-code prefixes per country that attract the remote-area surcharge
 * @param trackingNumbers     how this carrier's tracking numbers are formed for labels printed here
 */
public record RateCard(String notice, String carrier, String name, String currency, String timeZone,
                       List<String> origins, Integer dailyPickupCapacity, DimensionalWeight dimensionalWeight,
                       int fuelSurchargeBasisPoints, long remoteAreaSurcharge, Map<String, List<String>> remoteAreas,
                       Map<String, String> postalCodes, String trackingUrlTemplate, TrackingNumbers trackingNumbers,
                       List<Zone> zones, List<Service> services) {

    /** Volume divisor in cm³ per kg and the step billable weight rounds up to. */
    public record DimensionalWeight(int divisorCm3PerKg, int roundUpToGrams) {
    }

    /** UPU S10 numbers ({@code RR123456785LV}) for posts, or a numeric prefix plus serial with a GS1 check digit. */
    public record TrackingNumbers(String format, String s10ServiceIndicator, String s10CountryCode,
                                  String numericPrefix, int numericLength) {
    }

    public record Zone(String code, List<Destination> destinations) {
    }

    /** A country, optionally narrowed to postal-code prefixes; the longest matching prefix wins. */
    public record Destination(String country, List<String> postalPrefixes) {
    }

    /**
     * @param transitDays business days per zone code
     * @param prices      weight breaks per zone code, ascending; a parcel heavier than the last break is not carried
     */
    public record Service(String code, String name, ServiceSpeed speed, DeliveryMode mode, String cutOff,
                          List<DayOfWeek> pickupDays, Limits limits, int co2GramsPerParcel,
                          Map<String, Integer> transitDays, Map<String, List<WeightBreak>> prices) {
    }

    public record Limits(int maxWeightGrams, int maxLengthMm, int maxWidthMm, int maxHeightMm,
                         int maxLengthPlusGirthMm, boolean acceptsPoBox) {
    }

    public record WeightBreak(int upToGrams, long price) {
    }
}
