package io.stowage.api.shipping;

import io.stowage.api.carriers.CarrierDirectory;
import io.stowage.carriers.easypost.EasyPostCarrier;
import io.stowage.carriers.easypost.EasyPostSettings;
import io.stowage.carriers.label.LabelRenderer;
import io.stowage.carriers.label.PdfLabelWriter;
import io.stowage.carriers.ratecard.RateCard;
import io.stowage.carriers.ratecard.RateCardCarrier;
import io.stowage.carriers.sandbox.SandboxCarrier;
import io.stowage.carriers.sandbox.SandboxSettings;
import io.stowage.carriers.spi.Carrier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The carrier integrations a merchant's labels are bought from. The sandbox and the rate-card
 * carriers are one instance each for the whole service (their tracking serials come from the
 * database through {@link PurchaseSerials}, the sandbox's parcels are kept there too, by
 * {@link SandboxParcelTable}, so any instance voids a label another bought); an EasyPost carrier is made per account with its
 * decrypted key when a purchase needs it.
 */
@Component
class MerchantCarriers {

    /** A carrier the merchant may use, with the account it is used through (null: the installation's default). */
    record Usable(Carrier carrier, UUID accountId, boolean preferred) {
    }

    private final CarrierAccounts accounts;
    private final ShippingSettings settings;
    private final PurchaseSerials serials = new PurchaseSerials();
    private final Map<String, Carrier> installation = new LinkedHashMap<>();
    private final Map<String, String> trackingUrlTemplates = new LinkedHashMap<>();

    private final SandboxCarrier sandbox;

    MerchantCarriers(CarrierAccounts accounts, CarrierDirectory directory, ShippingSettings settings, SandboxParcelTable sandboxParcels,
                     SandboxJourneySettings journeys, @Value("${stowage.public-url}") String publicUrl) {
        this.accounts = accounts;
        this.settings = settings;
        // Rendering is CPU work that also reads the label fonts' files: it runs where reading a file may wait, as it always did.
        LabelRenderer labels = new LabelRenderer(new PdfLabelWriter(), Schedulers.boundedElastic()::schedule);
        SandboxSettings sandbox = journeys.toLibrary(settings.sandboxWebhookSecret(), publicUrl);
        this.sandbox = new SandboxCarrier(sandbox, Clock.systemUTC(), labels, serials, sandboxParcels);
        installation.put(SandboxCarrier.CODE, this.sandbox);
        trackingUrlTemplates.put(SandboxCarrier.CODE, sandbox.trackingUrlTemplate());
        for (RateCard card : directory.rateCards()) {
            installation.put(card.carrier(), new RateCardCarrier(card, serials, labels));
            trackingUrlTemplates.put(card.carrier(), card.trackingUrlTemplate());
        }
    }

    /** The carrier's public tracking page for the number, where the carrier has one this service knows. */
    Optional<String> trackingUrl(String integration, String trackingNumber) {
        return Optional.ofNullable(trackingUrlTemplates.get(integration)).map(template -> template.replace("{trackingNumber}", trackingNumber));
    }

    /** The installation's sandbox carrier: one per instance, whose parcels move on scripted journeys. */
    SandboxCarrier sandbox() {
        return sandbox;
    }

    /** The installation's carrier with this code (the sandbox, a rate card's carrier), not a merchant's account. */
    Optional<Carrier> installation(String code) {
        return Optional.ofNullable(installation.get(code));
    }

    PurchaseSerials serials() {
        return serials;
    }

    /** The merchant's carriers: its enabled accounts, or the installation's carriers when it has none. */
    Mono<List<Usable>> forMerchant(UUID merchantId) {
        return accounts.active(merchantId).map(active -> {
            List<Usable> usable = new ArrayList<>();
            if (active.isEmpty()) {
                installation.values().forEach(carrier -> usable.add(new Usable(carrier, null, false)));
                return usable;
            }
            for (CarrierAccounts.Account account : active) {
                carrier(account).ifPresent(carrier -> usable.add(new Usable(carrier, account.id(), account.preferred())));
            }
            return usable;
        });
    }

    /** The carrier a shipment's label was bought from, to buy it again or void it. */
    Mono<Carrier> forPurchase(String integration, UUID accountIdOrNull) {
        if (accountIdOrNull == null) {
            return Mono.justOrEmpty(installation.get(integration));
        }
        return accounts.byId(accountIdOrNull).flatMap(account -> Mono.justOrEmpty(carrier(account)));
    }

    private Optional<Carrier> carrier(CarrierAccounts.Account account) {
        if (account.carrierCode().equals(EasyPostCarrier.CODE)) {
            URI base = account.baseUri() == null ? settings.easypostBaseUri() : URI.create(account.baseUri());
            return Optional.of(new EasyPostCarrier(new EasyPostSettings(base, accounts.apiKey(account), Duration.ofSeconds(5),
                    settings.easypostRequestTimeout(), 3, Duration.ofMillis(500), LocalTime.of(16, 0), ZoneId.of("Europe/Riga"))));
        }
        return Optional.ofNullable(installation.get(account.carrierCode()));
    }
}
