package io.stowage.carriers.selection;

import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.NoEligibleServiceException;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.ServiceSpeed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.stowage.carriers.selection.Quotes.MONDAY;
import static io.stowage.carriers.selection.Quotes.demand;
import static io.stowage.carriers.selection.Quotes.door;
import static io.stowage.carriers.selection.Quotes.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleParcelSelectorTest {

    private final SingleParcelSelector selector = new SingleParcelSelector(SelectionPolicy.defaultsFor("EUR"));

    private final RateQuote slowCheap = door("post", 390, MONDAY.plusDays(3));
    private final RateQuote fastDear = door("courier", 590, MONDAY.plusDays(1));
    private final RateQuote express = quote("courier", "express", ServiceSpeed.EXPRESS, DeliveryMode.DOOR, 990, MONDAY.plusDays(1), 950);
    private final RateQuote locker = quote("lockers", "locker", ServiceSpeed.STANDARD, DeliveryMode.PARCEL_LOCKER, 450, MONDAY.plusDays(2), 170);
    private final List<RateQuote> quotes = List.of(slowCheap, fastDear, express, locker);

    @Test
    void takesTheCheapestServiceThatKeepsThePromise() {
        assertThat(selector.select(quotes, demand("p1", DeliveryPreference.ANY, MONDAY.plusDays(3)))).isEqualTo(slowCheap);
        assertThat(selector.select(quotes, demand("p1", DeliveryPreference.ANY, MONDAY.plusDays(2)))).isEqualTo(locker);
        assertThat(selector.select(quotes, demand("p1", DeliveryPreference.ANY, MONDAY.plusDays(1)))).isEqualTo(fastDear);
    }

    @Test
    void honoursTheCustomersChoice() {
        assertThat(selector.select(quotes, demand("p1", DeliveryPreference.EXPRESS, MONDAY.plusDays(5)))).isEqualTo(express);
        assertThat(selector.select(quotes, demand("p1", DeliveryPreference.PICKUP_POINT, MONDAY.plusDays(5)))).isEqualTo(locker);
    }

    @Test
    void ecoWeighsEmissionsAgainstPrice() {
        RateQuote greenButDearer = quote("lockers", "eco", ServiceSpeed.ECONOMY, DeliveryMode.PARCEL_LOCKER, 395, MONDAY.plusDays(3), 100);

        // 390 + 0.4 kg x 100 = 430 against 395 + 0.1 kg x 100 = 405.
        assertThat(selector.select(List.of(slowCheap, greenButDearer), demand("p1", DeliveryPreference.ECO, MONDAY.plusDays(3))))
                .isEqualTo(greenButDearer);
        assertThat(selector.select(List.of(slowCheap, greenButDearer), demand("p1", DeliveryPreference.ANY, MONDAY.plusDays(3))))
                .isEqualTo(slowCheap);
    }

    @Test
    void theMerchantsPreferredCarrierWinsASmallPriceDifference() {
        RateQuote preferred = door("preferred", 420, MONDAY.plusDays(3));

        assertThat(selector.select(List.of(slowCheap, preferred),
                new ParcelDemand("p1", DeliveryPreference.ANY, MONDAY.plusDays(3), Set.of("preferred")))).isEqualTo(preferred);
    }

    @Test
    void explainsWhenNoServiceArrivesInTime() {
        assertThatThrownBy(() -> selector.select(List.of(slowCheap), demand("p7", DeliveryPreference.ANY, MONDAY.plusDays(1))))
                .isInstanceOfSatisfying(PromiseNotKeptException.class,
                        e -> assertThat(e.earliestAlternative()).isEqualTo(slowCheap))
                .hasMessageContaining("p7").hasMessageContaining(MONDAY.plusDays(3).toString());
    }

    @Test
    void explainsWhenNothingMatchesTheChoice() {
        assertThatThrownBy(() -> selector.select(List.of(slowCheap, fastDear), demand("p8", DeliveryPreference.PICKUP_POINT, MONDAY.plusDays(5))))
                .isExactlyInstanceOf(NoEligibleServiceException.class).hasMessageContaining("PICKUP_POINT");
    }
}
