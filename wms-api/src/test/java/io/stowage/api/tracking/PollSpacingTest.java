package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How long until a parcel's carrier is asked again, by the parcel's state and whether its carrier sends webhooks. */
class PollSpacingTest {

    private static final String POLLED_ONLY = "omniva";

    @Test
    void aCarrierWithoutWebhooksIsPolledOftenAroundPickupAndOnTheDeliveryDayAndRarelyOnTheWayOrAtAPickupPoint() {
        PollSpacing spacing = new PollSpacing(TrackingRuleSettings.defaults());

        assertThat(spacing.after(POLLED_ONLY, TrackingStatuses.LABEL_CREATED)).isEqualTo(Duration.ofMinutes(30));
        assertThat(spacing.after(POLLED_ONLY, TrackingStatuses.IN_TRANSIT)).isEqualTo(Duration.ofHours(2));
        assertThat(spacing.after(POLLED_ONLY, TrackingStatuses.OUT_FOR_DELIVERY)).isEqualTo(Duration.ofMinutes(30));
        assertThat(spacing.after(POLLED_ONLY, TrackingStatuses.AVAILABLE_FOR_PICKUP)).isEqualTo(Duration.ofHours(6));
        assertThat(spacing.after(POLLED_ONLY, TrackingStatuses.EXCEPTION)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theSpacingsAreTheConfiguredOnes() {
        PollSpacing spacing = new PollSpacing(TrackingRuleSettings.with(Map.of(
                "stowage.tracking.poll-label-created", "7m", "stowage.tracking.poll-in-transit", "3h",
                "stowage.tracking.poll-out-for-delivery", "11m", "stowage.tracking.poll-at-pickup-point", "13h",
                "stowage.tracking.poll-exception", "17m")));

        assertThat(spacing.after(POLLED_ONLY, TrackingStatuses.LABEL_CREATED)).isEqualTo(Duration.ofMinutes(7));
        assertThat(spacing.after(POLLED_ONLY, TrackingStatuses.IN_TRANSIT)).isEqualTo(Duration.ofHours(3));
        assertThat(spacing.after(POLLED_ONLY, TrackingStatuses.OUT_FOR_DELIVERY)).isEqualTo(Duration.ofMinutes(11));
        assertThat(spacing.after(POLLED_ONLY, TrackingStatuses.AVAILABLE_FOR_PICKUP)).isEqualTo(Duration.ofHours(13));
        assertThat(spacing.after(POLLED_ONLY, TrackingStatuses.EXCEPTION)).isEqualTo(Duration.ofMinutes(17));
    }

    @Test
    void aCarrierThatSendsWebhooksIsPolledRarelyInEveryStateAsASafetyNet() {
        PollSpacing spacing = new PollSpacing(TrackingRuleSettings.with(Map.of("stowage.tracking.webhook-secrets.dpd", "s3cret")));

        for (String status : ShipmentTracking.STATUSES) {
            assertThat(spacing.after("dpd", status)).as(status).isEqualTo(Duration.ofHours(6));
            assertThat(spacing.after("sandbox", status)).as(status).isEqualTo(Duration.ofHours(6));
        }
    }

    /** An aggregator's parcel names the real carrier ({@code easypost:UPS}); the webhooks and their secret are the aggregator's. */
    @Test
    void anAggregatorsParcelIsPolledRarelyWhenTheAggregatorSendsWebhooks() {
        PollSpacing withWebhooks = new PollSpacing(TrackingRuleSettings.with(Map.of("stowage.tracking.webhook-secrets.easypost", "s3cret")));
        PollSpacing without = new PollSpacing(TrackingRuleSettings.defaults());

        assertThat(withWebhooks.sendsWebhooks("easypost:UPS")).isTrue();
        assertThat(withWebhooks.after("easypost:UPS", TrackingStatuses.OUT_FOR_DELIVERY)).isEqualTo(Duration.ofHours(6));
        assertThat(without.sendsWebhooks("easypost:UPS")).isFalse();
        assertThat(without.after("easypost:UPS", TrackingStatuses.OUT_FOR_DELIVERY)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void demoJourneysArePolledOftenSoTheDemoMovesButAWebhookCarrierOtherThanTheSandboxIsNot() {
        PollSpacing spacing = new PollSpacing(TrackingRuleSettings.with(Map.of("stowage.tracking.demo-journeys", "true",
                "stowage.tracking.demo-journey-poll", "20s", "stowage.tracking.webhook-secrets.dpd", "s3cret")));

        assertThat(spacing.after("sandbox", TrackingStatuses.IN_TRANSIT)).isEqualTo(Duration.ofSeconds(20));
        assertThat(spacing.after(POLLED_ONLY, TrackingStatuses.IN_TRANSIT)).isEqualTo(Duration.ofSeconds(20));
        assertThat(spacing.after(POLLED_ONLY, TrackingStatuses.AVAILABLE_FOR_PICKUP)).isEqualTo(Duration.ofSeconds(20));
        assertThat(spacing.after("dpd", TrackingStatuses.IN_TRANSIT)).isEqualTo(Duration.ofHours(6));
    }
}
