package io.stowage.carriers.customs;

import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomsBorderTest {

    private static final Address RIGA = Address.of("Stowage Riga", "Krasta iela 52", "Riga", "LV-1003", "LV");

    @Test
    void insideTheUnionNoDeclarationLeavingItOne() {
        assertThat(CustomsBorder.requiresDeclaration(RIGA, Address.of("A", "Gedimino pr. 1", "Vilnius", "01103", "LT"))).isFalse();
        assertThat(CustomsBorder.requiresDeclaration(RIGA, Address.of("A", "Avenue 1", "Monaco", "98000", "MC"))).isFalse();
        assertThat(CustomsBorder.requiresDeclaration(RIGA, Address.of("A", "Khreshchatyk 1", "Kyiv", "01001", "UA"))).isTrue();
        assertThat(CustomsBorder.requiresDeclaration(RIGA, Address.of("A", "Baker St 1", "London", "NW1 6XE", "GB"))).isTrue();
        assertThat(CustomsBorder.requiresDeclaration(RIGA, Address.of("A", "Rue 1", "Saint-Denis", "97400", "RE"))).isTrue();
    }

    @Test
    void partsOfMemberStatesOutsideTheTerritoryAreKnownByPostalCode() {
        assertThat(CustomsBorder.requiresDeclaration(RIGA, Address.of("A", "Calle 1", "Las Palmas", "35002", "ES"))).isTrue();
        assertThat(CustomsBorder.requiresDeclaration(RIGA, Address.of("A", "Calle 1", "Madrid", "28001", "ES"))).isFalse();
        assertThat(CustomsBorder.requiresDeclaration(RIGA, Address.of("A", "Torggatan 1", "Mariehamn", "FI-22100", "FI"))).isTrue();
        assertThat(CustomsBorder.requiresDeclaration(RIGA, Address.of("A", "Hafenstr. 1", "Helgoland", "27498", "DE"))).isTrue();
        assertThat(CustomsBorder.requiresDeclaration(Address.of("A", "Calle 1", "Las Palmas", "35002", "ES"),
                Address.of("B", "Calle 2", "Santa Cruz", "38001", "ES"))).isFalse();
    }

    @Test
    void outsideTheUnionOnlyDomesticParcelsGoWithoutOne() {
        Address newYork = new Address("A", "", "350 5th Ave", "", "New York", "NY", "10118", "US", "", "");
        Address boston = new Address("B", "", "1 Main St", "", "Boston", "MA", "02108", "US", "", "");
        assertThat(CustomsBorder.requiresDeclaration(newYork, boston)).isFalse();
        assertThat(CustomsBorder.requiresDeclaration(newYork, Address.of("C", "1 Queen St", "Toronto", "M5H 2N2", "CA"))).isTrue();
        assertThat(CustomsBorder.requiresDeclaration(newYork, RIGA)).isTrue();
    }

    @Test
    void aDeclarationIsCompleteOrRefused() {
        CustomsItem towel = new CustomsItem("Linen tea towel", 3, Money.of(3600, "EUR"), 600, "6302.91", "lv", "");
        assertThat(towel.originCountry()).isEqualTo("LV");
        assertThatThrownBy(() -> new CustomsItem("Towel", 1, Money.of(100, "EUR"), 100, "63", "LV", ""))
                .hasMessageContaining("6 to 10 digits");
        assertThatThrownBy(() -> new CustomsItem("Towel", 0, Money.of(100, "EUR"), 100, "630291", "LV", ""))
                .hasMessageContaining("quantity");
        assertThatThrownBy(() -> new CustomsItem("Towel", 1, Money.of(100, "EUR"), 100, "630291", "XX", ""))
                .hasMessageContaining("origin country");
        assertThatThrownBy(() -> new CustomsDeclaration(CustomsDeclaration.ContentsType.OTHER, "", CustomsDeclaration.NonDelivery.RETURN,
                "", "Anna", List.of(towel))).hasMessageContaining("explanation");
        assertThatThrownBy(() -> new CustomsDeclaration(CustomsDeclaration.ContentsType.GIFT, "", CustomsDeclaration.NonDelivery.ABANDON,
                "", "", List.of(towel))).hasMessageContaining("certifying");
        CustomsItem inDollars = new CustomsItem("Mug", 1, Money.of(500, "USD"), 300, "691200", "CN", "");
        assertThatThrownBy(() -> new CustomsDeclaration(CustomsDeclaration.ContentsType.GIFT, "", CustomsDeclaration.NonDelivery.RETURN,
                "", "Anna", List.of(towel, inDollars))).hasMessageContaining("one currency");
        assertThat(new CustomsDeclaration(CustomsDeclaration.ContentsType.GIFT, "", CustomsDeclaration.NonDelivery.RETURN, "", "Anna",
                List.of(towel, towel)).totalValue()).isEqualTo(Money.of(7200, "EUR"));
    }
}
