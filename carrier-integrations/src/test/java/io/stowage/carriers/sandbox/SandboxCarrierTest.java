package io.stowage.carriers.sandbox;

import io.stowage.barcodes.gs1.Sscc;
import io.stowage.carriers.label.LabelRenderer;
import io.stowage.carriers.ratecard.InMemoryTrackingNumberSequence;
import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.CancellationResult;
import io.stowage.carriers.spi.CreatedLabel;
import io.stowage.carriers.spi.LabelRequest;
import io.stowage.carriers.spi.Parcel;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.spi.UnknownShipmentException;
import io.stowage.carriers.tracking.InMemoryProcessedWebhookStore;
import io.stowage.carriers.tracking.TrackingEvent;
import io.stowage.carriers.tracking.TrackingStatus;
import io.stowage.carriers.tracking.TrackingWebhookReceiver;
import io.stowage.carriers.tracking.WebhookReceipt;
import io.stowage.carriers.tracking.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxCarrierTest {

    private static final byte[] SECRET = "sandbox-secret".getBytes(StandardCharsets.UTF_8);
    private static final Address WAREHOUSE = Address.of("Stowage Riga", "Krasta iela 52", "Rīga", "LV-1003", "LV");
    private static final Address CUSTOMER = Address.of("Anna Bērziņa", "Brīvības iela 10", "Rīga", "LV-1010", "LV");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-19T08:00:00Z"));

    @Test
    void aParcelMovesFromLabelToDeliveryOverTime() {
        SandboxCarrier carrier = carrier(0, 0, 0, 0);
        CreatedLabel label = ship(carrier, "standard");

        assertThat(statuses(carrier.track(label.trackingKey()))).containsExactly(TrackingStatus.PRE_TRANSIT);
        clock.advance(Duration.ofMinutes(11));
        assertThat(statuses(carrier.track(label.trackingKey()))).containsExactly(TrackingStatus.PRE_TRANSIT,
                TrackingStatus.IN_TRANSIT, TrackingStatus.IN_TRANSIT, TrackingStatus.IN_TRANSIT);
        clock.advance(Duration.ofHours(1));
        List<TrackingEvent> events = carrier.track(label.trackingKey());
        assertThat(statuses(events)).containsExactly(TrackingStatus.PRE_TRANSIT, TrackingStatus.IN_TRANSIT,
                TrackingStatus.IN_TRANSIT, TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED);
        assertThat(events).isSortedAccordingTo((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
        assertThat(events.get(2).carrierStatusCode()).isEqualTo("ARRIVED_AT_HUB");
        assertThat(events.get(2).detail()).isEqualTo("arrived at sorting hub");
    }

    @Test
    void aFailedAttemptSendsTheParcelToAPickupPointAndAnUncollectedOneBack() {
        SandboxCarrier carrier = carrier(1, 1, 0, 0);
        CreatedLabel label = ship(carrier, "standard");
        clock.advance(Duration.ofDays(1));

        assertThat(statuses(carrier.track(label.trackingKey()))).endsWith(TrackingStatus.OUT_FOR_DELIVERY,
                TrackingStatus.FAILURE, TrackingStatus.AVAILABLE_FOR_PICKUP, TrackingStatus.RETURN_TO_SENDER);
    }

    @Test
    void anUnroutableAddressIsAnErrorAndGoesBack() {
        SandboxCarrier carrier = carrier(0, 0, 1, 0);
        CreatedLabel label = ship(carrier, "pickup");
        clock.advance(Duration.ofDays(1));

        assertThat(statuses(carrier.track(label.trackingKey()))).endsWith(TrackingStatus.ERROR, TrackingStatus.RETURN_TO_SENDER);
    }

    @Test
    void cancelsOnlyBeforePickup() {
        SandboxCarrier carrier = carrier(0, 0, 0, 0);
        CreatedLabel early = ship(carrier, "standard");
        assertThat(carrier.cancel(early.handle()).outcome()).isEqualTo(CancellationResult.Outcome.CANCELLED);
        assertThat(statuses(carrier.track(early.trackingKey()))).containsExactly(TrackingStatus.PRE_TRANSIT, TrackingStatus.CANCELLED);

        CreatedLabel late = ship(carrier, "standard");
        clock.advance(Duration.ofMinutes(5));
        assertThat(carrier.cancel(late.handle()).outcome()).isEqualTo(CancellationResult.Outcome.REJECTED);
    }

    @Test
    void carriersSharingAStoreVoidAndTrackEachOthersLabels() {
        SandboxParcels shared = new InMemorySandboxParcels();
        InMemoryTrackingNumberSequence serials = new InMemoryTrackingNumberSequence(1);
        SandboxCarrier one = new SandboxCarrier(settings(0, 0, 0, 0), clock, new LabelRenderer(), serials, shared);
        SandboxCarrier other = new SandboxCarrier(settings(0, 0, 0, 0), clock, new LabelRenderer(), serials, shared);
        CreatedLabel label = ship(one, "standard");

        assertThat(other.cancel(label.handle()).outcome()).isEqualTo(CancellationResult.Outcome.CANCELLED);
        assertThat(statuses(one.track(label.trackingKey()))).containsExactly(TrackingStatus.PRE_TRANSIT, TrackingStatus.CANCELLED);
        assertThat(one.cancel(label.handle()).detail()).isEqualTo("already cancelled");
        assertThatThrownBy(() -> carrier(0, 0, 0, 0).cancel(label.handle())).isInstanceOf(UnknownShipmentException.class);
    }

    @Test
    void aTrackingNumberIsOnlyKnownTogetherWithItsCarrier() {
        SandboxCarrier carrier = carrier(0, 0, 0, 0);
        CreatedLabel label = ship(carrier, "standard");

        assertThatThrownBy(() -> carrier.track(new TrackingKey("omniva", label.trackingKey().trackingNumber())))
                .isInstanceOf(UnknownShipmentException.class);
    }

    @Test
    void webhooksAreVerifiedParsedAndDeduplicated() {
        SandboxCarrier carrier = carrier(0, 0, 0, 1);
        CreatedLabel label = ship(carrier, "standard");
        clock.advance(Duration.ofMinutes(3));
        TrackingWebhookReceiver receiver = new TrackingWebhookReceiver(carrier, SECRET, new InMemoryProcessedWebhookStore(1000));

        List<SandboxWebhook> webhooks = carrier.dueWebhooks();
        // Two scans are due, each delivered twice.
        assertThat(webhooks).hasSize(4);
        List<WebhookReceipt> receipts = webhooks.stream().map(w -> receiver.receive(w.body(), w.headers())).toList();

        assertThat(receipts).extracting(WebhookReceipt::duplicate).containsExactly(false, true, false, true);
        assertThat(receipts.get(2).events()).singleElement().satisfies(event -> {
            assertThat(event.trackingKey()).isEqualTo(label.trackingKey());
            assertThat(event.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
            assertThat(event.carrierStatusCode()).isEqualTo("PICKED_UP");
        });
        assertThat(carrier.dueWebhooks()).isEmpty();
    }

    @Test
    void aTamperedOrForeignWebhookIsRejectedBeforeParsing() {
        SandboxCarrier carrier = carrier(0, 0, 0, 0);
        ship(carrier, "standard");
        SandboxWebhook webhook = carrier.dueWebhooks().get(0);
        byte[] tampered = new String(webhook.body(), StandardCharsets.UTF_8).replace("LABEL_CREATED", "DELIVERED")
                .getBytes(StandardCharsets.UTF_8);

        TrackingWebhookReceiver receiver = new TrackingWebhookReceiver(carrier, SECRET, new InMemoryProcessedWebhookStore(10));
        assertThatThrownBy(() -> receiver.receive(tampered, webhook.headers()))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not match");
        TrackingWebhookReceiver otherSecret = new TrackingWebhookReceiver(carrier, "other".getBytes(StandardCharsets.UTF_8),
                new InMemoryProcessedWebhookStore(10));
        assertThatThrownBy(() -> otherSecret.receive(webhook.body(), webhook.headers()))
                .isInstanceOf(WebhookVerificationException.class);
        assertThat(receiver.receive(webhook.body(), webhook.headers()).duplicate()).isFalse();
    }

    private SandboxCarrier carrier(double failedAttempts, double returns, double addressProblems, double duplicates) {
        return new SandboxCarrier(settings(failedAttempts, returns, addressProblems, duplicates), clock, new LabelRenderer());
    }

    private static SandboxSettings settings(double failedAttempts, double returns, double addressProblems, double duplicates) {
        return new SandboxSettings(Duration.ofMinutes(3), Duration.ofMinutes(3), Duration.ofMinutes(5),
                failedAttempts, returns, addressProblems, duplicates, 11, "https://track.example/{trackingNumber}", SECRET);
    }

    private CreatedLabel ship(SandboxCarrier carrier, String service) {
        return carrier.createLabel(new LabelRequest("SO-1", WAREHOUSE, CUSTOMER, Parcel.of(1_000, 300, 200, 100), service,
                Sscc.of("4750001", 0, 7), clock.instant(), Optional.empty()));
    }

    private static List<TrackingStatus> statuses(List<TrackingEvent> events) {
        return events.stream().map(TrackingEvent::status).toList();
    }
}
