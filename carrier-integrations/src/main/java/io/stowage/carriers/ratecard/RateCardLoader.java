package io.stowage.carriers.ratecard;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads rate-card JSON files and checks them as a whole, so a mistake in a tariff file fails at
 * start-up with its file name rather than as a wrong price later.
 */
public final class RateCardLoader {

    /** The sample cards shipped in this module for the demo region. */
    public static final List<String> SAMPLE_CARDS = List.of(
            "latvijas-pasts.json", "lietuvos-pastas.json", "omniva.json", "dpd-baltics.json",
            "ukrposhta.json", "posta-slovenije.json");

    private static final String SAMPLE_LOCATION = "/io/stowage/carriers/ratecards/";

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public List<RateCard> loadSamples() {
        return SAMPLE_CARDS.stream().map(this::loadSample).toList();
    }

    public RateCard loadSample(String fileName) {
        try (InputStream in = RateCardLoader.class.getResourceAsStream(SAMPLE_LOCATION + fileName)) {
            if (in == null) {
                throw new InvalidRateCardException("no sample rate card named " + fileName);
            }
            return read(fileName, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RateCard load(Path file) {
        try {
            return read(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidRateCardException("cannot read rate card " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates one card; {@code source} names it in error messages. */
    public RateCard read(String source, byte[] json) {
        RateCard card;
        try {
            card = mapper.readValue(json, RateCard.class);
        } catch (JacksonException e) {
            throw new InvalidRateCardException("rate card " + source + " is not valid: " + e.getOriginalMessage(), e);
        }
        validate(source, card);
        return card;
    }

    private static void validate(String source, RateCard card) {
        require(source, card.carrier() != null && card.carrier().matches("[a-z0-9-]+"), "carrier code must be lower-case letters, digits and dashes");
        require(source, card.name() != null && !card.name().isBlank(), "name is missing");
        require(source, card.origins() != null && !card.origins().isEmpty(), "origins are missing");
        require(source, card.dimensionalWeight() != null && card.dimensionalWeight().divisorCm3PerKg() > 0
                && card.dimensionalWeight().roundUpToGrams() > 0, "dimensionalWeight needs a positive divisor and rounding step");
        require(source, card.fuelSurchargeBasisPoints() >= 0 && card.remoteAreaSurcharge() >= 0, "surcharges must not be negative");
        require(source, card.trackingNumbers() != null, "trackingNumbers is missing");
        require(source, card.trackingUrlTemplate() != null && card.trackingUrlTemplate().contains("{trackingNumber}"),
                "trackingUrlTemplate must contain {trackingNumber}");
        try {
            Currency.getInstance(card.currency());
            ZoneId.of(card.timeZone());
        } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
            throw new InvalidRateCardException("rate card " + source + ": bad currency or time zone: " + e.getMessage(), e);
        }
        Set<String> zoneCodes = new HashSet<>();
        for (RateCard.Zone zone : card.zones()) {
            require(source, zoneCodes.add(zone.code()), "zone " + zone.code() + " is defined twice");
            for (RateCard.Destination destination : zone.destinations()) {
                require(source, card.postalCodes().containsKey(destination.country()),
                        "zone " + zone.code() + " names " + destination.country() + " but postalCodes has no format for it");
            }
        }
        for (Map.Entry<String, String> format : card.postalCodes().entrySet()) {
            try {
                Pattern.compile(format.getValue());
            } catch (PatternSyntaxException e) {
                throw new InvalidRateCardException("rate card " + source + ": postal code format of " + format.getKey() + " is not a regular expression", e);
            }
        }
        require(source, !card.services().isEmpty(), "no services");
        for (RateCard.Service service : card.services()) {
            validateService(source, service, zoneCodes);
        }
    }

    private static void validateService(String source, RateCard.Service service, Set<String> zoneCodes) {
        String where = "service " + service.code();
        require(source, service.speed() != null && service.mode() != null, where + " needs speed and mode");
        require(source, service.pickupDays() != null && !service.pickupDays().isEmpty(), where + " has no pickup days");
        require(source, service.limits() != null && service.limits().maxWeightGrams() > 0, where + " needs limits");
        try {
            LocalTime.parse(service.cutOff());
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidRateCardException("rate card " + source + ": " + where + " cut-off '" + service.cutOff() + "' is not HH:mm", e);
        }
        for (Map.Entry<String, List<RateCard.WeightBreak>> zonePrices : service.prices().entrySet()) {
            String zone = zonePrices.getKey();
            require(source, zoneCodes.contains(zone), where + " prices unknown zone " + zone);
            require(source, service.transitDays().containsKey(zone), where + " has prices but no transit days for zone " + zone);
            List<RateCard.WeightBreak> breaks = zonePrices.getValue();
            require(source, !breaks.isEmpty(), where + " has no weight breaks for zone " + zone);
            for (int i = 1; i < breaks.size(); i++) {
                require(source, breaks.get(i).upToGrams() > breaks.get(i - 1).upToGrams(),
                        where + " weight breaks for zone " + zone + " must ascend");
            }
        }
    }

    private static void require(String source, boolean condition, String problem) {
        if (!condition) {
            throw new InvalidRateCardException("rate card " + source + ": " + problem);
        }
    }
}
