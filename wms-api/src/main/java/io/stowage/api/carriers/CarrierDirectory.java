package io.stowage.api.carriers;

import io.stowage.api.Published;
import io.stowage.carriers.ratecard.RateCard;
import io.stowage.carriers.ratecard.RateCardLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The carrier services this installation ships with, read once at start from rate cards: the
 * contract cards in {@code stowage.carriers.rate-card-dir} (every {@code *.json} there), or the
 * library's sample cards when no directory is set. Orders name one of these services; the
 * directory is what makes an unknown code a 400 instead of a wave nobody can ship.
 */
@Component
@Published
public class CarrierDirectory {

    private final Map<String, CarrierServiceView> byCode;
    private final List<RateCard> cards;

    CarrierDirectory(@Value("${stowage.carriers.rate-card-dir:}") String rateCardDir) {
        RateCardLoader loader = new RateCardLoader();
        List<RateCard> cards = rateCardDir.isBlank() ? loader.loadSamples() : fromDirectory(loader, Path.of(rateCardDir));
        this.cards = List.copyOf(cards);
        List<CarrierServiceView> services = new ArrayList<>();
        for (RateCard card : cards) {
            for (RateCard.Service service : card.services()) {
                services.add(new CarrierServiceView(card.carrier() + "/" + service.code(), card.carrier(), card.name(), service.code(),
                        service.name(), service.speed().name().toLowerCase(Locale.ROOT), service.mode().name().toLowerCase(Locale.ROOT),
                        service.cutOff(), card.timeZone(), List.copyOf(service.pickupDays())));
            }
        }
        services.sort(Comparator.comparing(CarrierServiceView::code));
        Map<String, CarrierServiceView> indexed = new LinkedHashMap<>();
        services.forEach(service -> indexed.put(service.code(), service));
        this.byCode = Map.copyOf(indexed);
    }

    private static List<RateCard> fromDirectory(RateCardLoader loader, Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<RateCard> cards = files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().map(loader::load).toList();
            if (cards.isEmpty()) {
                throw new IllegalStateException("stowage.carriers.rate-card-dir " + directory + " holds no *.json rate card");
            }
            return cards;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stowage.carriers.rate-card-dir " + directory, e);
        }
    }

    /** The service with this {@code carrier/service} code. */
    public Optional<CarrierServiceView> service(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean knowsCarrier(String carrierCode) {
        return byCode.values().stream().anyMatch(service -> service.carrierCode().equals(carrierCode));
    }

    /** The rate cards the services come from, for features that price parcels on them (the day plan) and print labels (shipping). */
    public List<RateCard> rateCards() {
        return cards;
    }

    /** Every service, sorted by code. */
    public List<CarrierServiceView> services() {
        return byCode.values().stream().sorted(Comparator.comparing(CarrierServiceView::code)).toList();
    }
}
