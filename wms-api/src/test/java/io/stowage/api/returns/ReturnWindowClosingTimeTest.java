package io.stowage.api.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The return form tells the customer when the window closes on the destination's clock: a window that
 * closes at 22:30 UTC closes at 00:30 the next day in Vilnius, and the form must not name the day before.
 */
class ReturnWindowClosingTimeTest {

    private static final Instant HALF_PAST_TEN_UTC = Instant.parse("2027-01-04T22:30:00Z");

    @Test
    void aLithuanianCustomerReadsTheDayAndTimeOfVilnius() {
        assertThat(CustomerReturnPage.closingTime(HALF_PAST_TEN_UTC, "LT", Locale.ENGLISH))
                .contains("January 5, 2027", "12:30").contains("Eastern European").doesNotContain("January 4");
        assertThat(CustomerReturnPage.closingTime(HALF_PAST_TEN_UTC, "lt", Locale.forLanguageTag("lt")))
                .contains("2027", "sausio 5", "00:30");
    }

    @Test
    void aCustomerWestOfUtcReadsTheirOwnEarlierTime() {
        assertThat(CustomerReturnPage.closingTime(HALF_PAST_TEN_UTC, "AR", Locale.ENGLISH)).contains("January 4, 2027", "7:30");
    }

    @Test
    void aCountryOfSeveralZonesIsToldInUtcAndSaysSo() {
        assertThat(CustomerReturnPage.closingTime(HALF_PAST_TEN_UTC, "US", Locale.ENGLISH)).contains("January 4, 2027", "10:30").endsWith("(UTC)");
    }
}
