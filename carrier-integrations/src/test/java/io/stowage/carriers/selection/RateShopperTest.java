package io.stowage.carriers.selection;

import io.stowage.carriers.Await;
import io.stowage.carriers.label.LabelRenderer;
import io.stowage.carriers.ratecard.InMemoryTrackingNumberSequence;
import io.stowage.carriers.ratecard.RateCardCarrier;
import io.stowage.carriers.ratecard.RateCardLoader;
import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.NoEligibleServiceException;
import io.stowage.carriers.spi.Parcel;
import io.stowage.carriers.spi.ParcelExceedsLimitsException;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.RateRequest;
import io.stowage.carriers.spi.UnknownDestinationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateShopperTest {

    private static final Instant READY = Instant.parse("2026-11-19T08:00:00Z");
    private static final Address RIGA_WAREHOUSE = Address.of("Stowage Riga", "Krasta iela 52", "Rīga", "LV-1003", "LV");

    private final RateShopper shopper = new RateShopper(new RateCardLoader().loadSamples().stream()
            .map(card -> new RateCardCarrier(card, new InMemoryTrackingNumberSequence(1), new LabelRenderer()))
            .toList());

    @Test
    void quotesEveryCarrierThatCollectsInRigaCheapestFirst() {
        List<RateQuote> quotes = Await.result(shopper.quoteAll(new RateRequest(RIGA_WAREHOUSE,
                Address.of("Jonas Jonaitis", "Gedimino pr. 1", "Vilnius", "LT-01103", "LT"), Parcel.of(1_200, 300, 200, 150), READY)));

        assertThat(quotes).extracting(RateQuote::carrierCode).containsOnly("latvijas-pasts", "omniva", "dpd-baltics");
        assertThat(quotes).isSortedAccordingTo((a, b) -> a.total().compareTo(b.total()));
    }

    @Test
    void aParcelTooBigForEveryServiceIsATypedError() {
        assertThatThrownBy(() -> Await.result(shopper.quoteAll(new RateRequest(RIGA_WAREHOUSE,
                Address.of("Anna", "Brīvības iela 10", "Rīga", "LV-1010", "LV"), Parcel.of(40_000, 1900, 500, 500), READY))))
                .isInstanceOf(ParcelExceedsLimitsException.class).hasMessageContaining("40000 g");
    }

    @Test
    void aCountryNobodyServesIsATypedError() {
        assertThatThrownBy(() -> Await.result(shopper.quoteAll(new RateRequest(RIGA_WAREHOUSE,
                Address.of("Ola", "Karl Johans gate 1", "Oslo", "0154", "NO"), Parcel.of(1_000, 200, 200, 100), READY))))
                .isInstanceOf(UnknownDestinationException.class).hasMessageContaining("no carrier delivers to NO");
        assertThatThrownBy(() -> Await.result(shopper.quoteAll(new RateRequest(RIGA_WAREHOUSE,
                Address.of("Nobody", "Nowhere 1", "Atlantis", "00000", "QQ"), Parcel.of(1_000, 200, 200, 100), READY))))
                .isInstanceOf(UnknownDestinationException.class).hasMessageContaining("'QQ'");
    }

    @Test
    void noCarrierCollectingAtTheOriginIsExplained() {
        Address oslo = Address.of("Lager", "Karl Johans gate 1", "Oslo", "0154", "NO");
        assertThatThrownBy(() -> Await.result(shopper.quoteAll(new RateRequest(oslo,
                Address.of("Anna", "Brīvības iela 10", "Rīga", "LV-1010", "LV"), Parcel.of(1_000, 200, 200, 100), READY))))
                .isExactlyInstanceOf(NoEligibleServiceException.class);
    }
}
