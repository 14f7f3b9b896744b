package io.stowage.carriers.spi;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLimitsTest {

    private final ServiceLimits locker = new ServiceLimits(30_000, new Dimensions(640, 380, 390), 0, Set.of("LV", "EE"), false);
    private final Address riga = Address.of("Anna Bērziņa", "Brīvības iela 10", "Rīga", "LV-1010", "LV");

    @Test
    void aBoxFitsWhenTurnedOnItsSide() {
        assertThat(locker.rejectionReason(Parcel.of(1_000, 300, 600, 350), riga)).isEmpty();
    }

    @Test
    void namesTheLimitThatStopsTheParcel() {
        assertThat(locker.rejectionReason(Parcel.of(31_000, 300, 300, 300), riga)).get().asString().contains("31000 g");
        assertThat(locker.rejectionReason(Parcel.of(1_000, 700, 300, 300), riga)).get().asString().contains("does not fit");
        assertThat(locker.rejectionReason(Parcel.of(1_000, 300, 300, 300),
                Address.of("Jonas", "Gedimino pr. 1", "Vilnius", "01103", "LT"))).get().asString().contains("LT");
    }

    @Test
    void refusesPostOfficeBoxesWhenTheServiceDoes() {
        Address poBox = Address.of("Anna", "P.O. Box 123", "Rīga", "LV-1010", "LV");
        assertThat(poBox.isPoBox()).isTrue();
        assertThat(riga.isPoBox()).isFalse();
        assertThat(locker.rejectionReason(Parcel.of(1_000, 300, 300, 300), poBox)).get().asString().contains("post-office");
    }

    @Test
    void lengthPlusGirthUsesTheLongestSide() {
        assertThat(new Dimensions(300, 1000, 200).lengthPlusGirthMm()).isEqualTo(1000 + 2 * (300 + 200));
    }
}
