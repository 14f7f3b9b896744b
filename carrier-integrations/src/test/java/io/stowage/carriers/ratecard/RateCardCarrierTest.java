package io.stowage.carriers.ratecard;

import io.stowage.carriers.Await;
import io.stowage.barcodes.gs1.Sscc;
import io.stowage.carriers.label.LabelRenderer;
import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.CreatedLabel;
import io.stowage.carriers.spi.LabelRequest;
import io.stowage.carriers.spi.Money;
import io.stowage.carriers.spi.NoEligibleServiceException;
import io.stowage.carriers.spi.Parcel;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.RateRequest;
import io.stowage.carriers.spi.Surcharge;
import io.stowage.carriers.spi.UnknownDestinationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateCardCarrierTest {

    private static final Instant THURSDAY_MORNING = Instant.parse("2026-11-19T08:00:00Z");
    private static final Address WAREHOUSE = Address.of("Stowage Riga", "Krasta iela 52", "Rīga", "LV-1003", "LV");
    private static final Address RIGA = Address.of("Anna Bērziņa", "Brīvības iela 10", "Rīga", "LV-1010", "LV");
    private static final Address SAAREMAA = Address.of("Mari Tamm", "Tallinna 1", "Kuressaare", "93815", "EE");

    private final RateCardLoader loader = new RateCardLoader();
    private final RateCardCarrier latvijasPasts = carrier("latvijas-pasts.json");
    private final RateCardCarrier dpd = carrier("dpd-baltics.json");

    @Test
    void pricesADomesticParcelOnEveryServiceThatCarriesIt() {
        List<RateQuote> quotes = Await.result(latvijasPasts.quote(new RateRequest(WAREHOUSE, RIGA, Parcel.of(1_800, 300, 200, 100), THURSDAY_MORNING)));

        assertThat(quotes).extracting(quote -> quote.service().serviceCode()).containsExactly("parcel", "parcel-economy", "ems");
        RateQuote parcel = quotes.get(0);
        assertThat(parcel.billableWeight().billableGrams()).isEqualTo(1_800);
        assertThat(parcel.total()).isEqualTo(Money.of(450, "EUR"));
        assertThat(parcel.shipDate()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(parcel.estimatedDelivery()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void addsFuelAndRemoteAreaSurcharges() {
        // 40 x 30 x 20 cm is 4.8 kg dimensional at DPD's divisor 5000, billed at 5 kg.
        RateQuote classic = Await.result(dpd.quote(new RateRequest(WAREHOUSE, SAAREMAA, Parcel.of(2_000, 400, 300, 200), THURSDAY_MORNING)))
                .stream().filter(quote -> quote.service().serviceCode().equals("classic")).findFirst().orElseThrow();

        assertThat(classic.billableWeight().billableGrams()).isEqualTo(5_000);
        assertThat(classic.base()).isEqualTo(Money.of(590, "EUR"));
        assertThat(classic.surcharges()).containsExactly(
                new Surcharge("fuel", Money.of(68, "EUR")), new Surcharge("remote_area", Money.of(290, "EUR")));
        assertThat(classic.total()).isEqualTo(Money.of(948, "EUR"));
    }

    @Test
    void ukrposhtaPricesInHryvnia() {
        RateCardCarrier ukrposhta = carrier("ukrposhta.json");
        Address kyiv = Address.of("Stowage Kyiv", "вул. Промислова 4", "Київ", "02000", "UA");
        Address lviv = Address.of("Олена Коваленко", "вул. Городоцька 15", "Львів", "79000", "UA");

        List<RateQuote> quotes = Await.result(ukrposhta.quote(new RateRequest(kyiv, lviv, Parcel.of(1_500, 300, 200, 100), THURSDAY_MORNING)));

        assertThat(quotes).extracting(quote -> quote.total().currency().getCurrencyCode()).containsOnly("UAH");
        assertThat(quotes).extracting(RateQuote::total).contains(Money.of(6000, "UAH"));
    }

    @Test
    void aParcelHeavierThanEveryServiceGetsNoQuote() {
        assertThat(Await.result(latvijasPasts.quote(new RateRequest(WAREHOUSE, RIGA, Parcel.of(45_000, 500, 400, 400), THURSDAY_MORNING)))).isEmpty();
    }

    @Test
    void unknownCountryAndMalformedPostalCodeAreTypedErrors() {
        Parcel parcel = Parcel.of(1_000, 200, 200, 100);
        assertThatThrownBy(() -> Await.result(latvijasPasts.quote(new RateRequest(WAREHOUSE, Address.of("X", "Y", "Z", "1234", "XX"), parcel, THURSDAY_MORNING))))
                .isInstanceOf(UnknownDestinationException.class).hasMessageContaining("'XX' is not an ISO 3166-1 country code");
        assertThatThrownBy(() -> Await.result(latvijasPasts.quote(new RateRequest(WAREHOUSE, Address.of("X", "Y", "Rīga", "LV-10", "LV"), parcel, THURSDAY_MORNING))))
                .isInstanceOf(UnknownDestinationException.class).hasMessageContaining("'LV-10' is not a valid LV postal code");
        assertThatThrownBy(() -> Await.result(latvijasPasts.quote(new RateRequest(WAREHOUSE, Address.of("X", "Y", "Oslo", "0150", "NO"), parcel, THURSDAY_MORNING))))
                .isInstanceOf(UnknownDestinationException.class).hasMessageContaining("does not deliver to NO");
    }

    @Test
    void aCarrierThatDoesNotCollectAtTheOriginOffersNothing() {
        Address ljubljana = Address.of("Pošta", "Slovenska cesta 1", "Ljubljana", "1000", "SI");
        assertThat(Await.result(latvijasPasts.quote(new RateRequest(ljubljana, RIGA, Parcel.of(1_000, 200, 200, 100), THURSDAY_MORNING)))).isEmpty();
    }

    @Test
    void printsALabelWithAnS10TrackingNumber() {
        Sscc sscc = Sscc.of("4750001", 0, 42);
        CreatedLabel label = Await.result(latvijasPasts.createLabel(new LabelRequest("SO-1001", WAREHOUSE, RIGA, Parcel.of(1_800, 300, 200, 100),
                "parcel", sscc, THURSDAY_MORNING, Optional.empty())));

        assertThat(label.trackingKey().carrierCode()).isEqualTo("latvijas-pasts");
        assertThat(label.trackingKey().trackingNumber()).matches("CC\\d{9}LV");
        assertThat(TrackingNumberFormat.s10("RR", 47312482, "GB")).isEqualTo("RR473124829GB");
        assertThat(label.price()).isEqualTo(Money.of(450, "EUR"));
        assertThat(new String(label.documents().zpl(), StandardCharsets.UTF_8)).contains(label.trackingKey().trackingNumber(), "SO-1001");
    }

    @Test
    void aLabelKeepsTheTransitDaysItsQuoteCountedForTheDestinationNotTheServicesFastest() {
        // Latvijas Pasts' parcel service takes 2 business days within Latvia and 4 to the Baltic zone.
        Address tallinn = Address.of("Mari Tamm", "Narva mnt 5", "Tallinn", "10117", "EE");
        CreatedLabel label = Await.result(latvijasPasts.createLabel(new LabelRequest("SO-1003", WAREHOUSE, tallinn, Parcel.of(1_800, 300, 200, 100),
                "parcel", Sscc.of("4750001", 0, 44), THURSDAY_MORNING, Optional.empty())));

        assertThat(label.transitDays()).isEqualTo(4);
        assertThat(label.service().transitDays()).as("the service's figure is its fastest").isEqualTo(2);
    }

    @Test
    void refusesALabelForAParcelTheServiceCannotCarry() {
        assertThatThrownBy(() -> Await.result(latvijasPasts.createLabel(new LabelRequest("SO-1002", WAREHOUSE, RIGA, Parcel.of(25_000, 300, 200, 100),
                "parcel-economy", Sscc.of("4750001", 0, 43), THURSDAY_MORNING, Optional.empty()))))
                .isInstanceOf(NoEligibleServiceException.class).hasMessageContaining("25000 g");
    }

    private RateCardCarrier carrier(String file) {
        return new RateCardCarrier(loader.loadSample(file), new InMemoryTrackingNumberSequence(1), new LabelRenderer());
    }
}
