package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The late rules at work ({@link LateRule}'s cases are {@code LateRuleTest}'s): a parcel that turns late
 * is flagged {@code delayed} with its reason, a carrier exception (failed attempt, address problem,
 * return to sender) {@code exception} with the carrier's words, and the merchant hears of each once,
 * however often the check runs or the carrier reports trouble. The check is run here by hand (as its
 * loop does), so a test needs no waiting for it.
 */
class LateFlagsTest extends ApiTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    LateChecks lateChecks;

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void aParcelPastItsPromisedDateIsFlaggedDelayedAndTheMerchantWarnedOnce() {
        TrackedShipment parcel = TrackedShipment.labelled(this, context, today().minusDays(1));

        lateChecks.check(parcel.id).block();
        lateChecks.check(parcel.id).block();

        Map<?, ?> flag = (Map<?, ?>) parcel.summary().get("flag");
        assertThat(flag.get("kind")).isEqualTo("delayed");
        assertThat(flag.get("reason")).isEqualTo("not delivered by the promised date " + today().minusDays(1));
        lateChecks.check(parcel.id).block();
        assertThat(parcel.merchantEvents("shipment.delayed")).hasSize(1);
    }

    @Test
    void theCarriersEstimateAfterThePromiseFlagsItDelayedBeforeThePromisePasses() {
        // A week ahead: Stowage's own estimate (transit days from the next pickup) keeps it, whatever the weekday.
        LocalDate promised = today().plusDays(7);
        TrackedShipment parcel = TrackedShipment.labelled(this, context, promised);
        lateChecks.check(parcel.id).block();
        assertThat(parcel.summary().get("flag")).as("on time as far as anyone knows").isNull();

        parcel.news.scan("ARRIVED_AT_HUB", "Arrived at sorting hub, delayed by weather", "Vilnius hub", promised.plusDays(3));
        lateChecks.check(parcel.id).block();

        Map<?, ?> flag = (Map<?, ?>) parcel.summary().get("flag");
        assertThat(flag.get("kind")).isEqualTo("delayed");
        assertThat(flag.get("reason")).isEqualTo("the carrier expects it on " + promised.plusDays(3) + ", after the promised date " + promised);
        assertThat(parcel.merchantEvents("shipment.delayed")).hasSize(1);
    }

    @Test
    void theFirstCarrierExceptionIsFlaggedWithTheCarriersWordsAndAnnouncedOnceAndTheNextAreNot() {
        TrackedShipment parcel = TrackedShipment.labelled(this, context, null);

        parcel.news.scan("ATTEMPT_FAILED", "Recipient not at home, notice left", "Vilnius");
        parcel.news.scan("ADDRESS_NOT_FOUND", "Address could not be found", "Vilnius hub");

        Map<?, ?> summary = parcel.summary();
        assertThat(summary.get("status")).isEqualTo("exception");
        Map<?, ?> flag = (Map<?, ?>) summary.get("flag");
        assertThat(flag.get("kind")).isEqualTo("exception");
        assertThat(flag.get("reason")).isEqualTo("delivery attempt failed, recipient not available: Recipient not at home, notice left");
        parcel.news.scan("RETURNED", "Returned to sender", "Vilnius");
        assertThat(parcel.summary().get("status")).isEqualTo("returned_to_sender");
        assertThat(parcel.merchantEvents("shipment.exception")).hasSize(1);
    }
}
