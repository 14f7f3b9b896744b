package io.stowage.carriers.sandbox;

import io.stowage.carriers.Await;
import io.stowage.barcodes.gs1.Sscc;
import io.stowage.carriers.label.LabelRenderer;
import io.stowage.carriers.ratecard.InMemoryTrackingNumberSequence;
import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.CancellationResult;
import io.stowage.carriers.spi.CreatedLabel;
import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.LabelRequest;
import io.stowage.carriers.spi.Parcel;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.spi.UnknownShipmentException;
import io.stowage.carriers.tracking.InMemoryProcessedWebhookStore;
import io.stowage.carriers.tracking.CarrierEstimate;
import io.stowage.carriers.tracking.OpeningHours;
import io.stowage.carriers.tracking.PickupPoint;
import io.stowage.carriers.tracking.TrackingEvent;
import io.stowage.carriers.tracking.TrackingHistory;
import io.stowage.carriers.tracking.TrackingStatus;
import io.stowage.carriers.tracking.TrackingWebhookReceiver;
import io.stowage.carriers.tracking.WebhookReceipt;
import io.stowage.carriers.tracking.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

        assertThat(statuses(Await.result(carrier.track(label.trackingKey())).events())).containsExactly(TrackingStatus.PRE_TRANSIT);
        clock.advance(Duration.ofMinutes(11));
        assertThat(statuses(Await.result(carrier.track(label.trackingKey())).events())).containsExactly(TrackingStatus.PRE_TRANSIT,
                TrackingStatus.IN_TRANSIT, TrackingStatus.IN_TRANSIT, TrackingStatus.IN_TRANSIT);
        clock.advance(Duration.ofHours(1));
        List<TrackingEvent> events = Await.result(carrier.track(label.trackingKey())).events();
        assertThat(statuses(events)).containsExactly(TrackingStatus.PRE_TRANSIT, TrackingStatus.IN_TRANSIT,
                TrackingStatus.IN_TRANSIT, TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED);
        assertThat(events).isSortedAccordingTo((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
        assertThat(events.get(2).carrierStatusCode()).isEqualTo("ARRIVED_AT_HUB");
        assertThat(events.get(2).detail()).isEqualTo("arrived at sorting hub");
    }

    /** Legs of 3, 3 × 3 and 5 minutes: labelled at 23:50 in Riga, it is expected after midnight there, the next day. */
    @Test
    void theSandboxEstimatesDeliveryFromItsLegsInItsOwnZoneUntilTheParcelArrives() {
        clock.advance(Duration.ofHours(13).plusMinutes(50));
        SandboxCarrier carrier = carrier(0, 0, 0, 0);
        CreatedLabel label = ship(carrier, "standard");

        assertThat(Await.result(carrier.track(label.trackingKey())).estimate()).contains(new CarrierEstimate(label.trackingKey(),
                LocalDate.parse("2026-11-20"), Instant.parse("2026-11-19T21:50:00Z")));
        clock.advance(Duration.ofMinutes(13));
        assertThat(Await.result(carrier.track(label.trackingKey())).estimate()).as("as of the latest scan, out for delivery")
                .contains(new CarrierEstimate(label.trackingKey(), LocalDate.parse("2026-11-20"), Instant.parse("2026-11-19T22:02:00Z")));
        clock.advance(Duration.ofHours(1));
        TrackingHistory delivered = Await.result(carrier.track(label.trackingKey()));
        assertThat(delivered.events()).last().extracting(TrackingEvent::status).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(delivered.estimate()).isEmpty();
    }

    /** Like a carrier, it does not know in advance that nobody will be home; after the attempt it expects the pickup point's day. */
    @Test
    void afterAFailedAttemptTheEstimateIsTheDayThePickupPointHasIt() {
        clock.advance(Duration.ofHours(13).plusMinutes(40));
        SandboxCarrier carrier = carrier(1, 0, 0, 0);
        CreatedLabel label = ship(carrier, "standard");
        clock.advance(Duration.ofMinutes(16));
        assertThat(Await.result(carrier.track(label.trackingKey())).estimate()).map(CarrierEstimate::deliveryDate).contains(LocalDate.parse("2026-11-19"));

        clock.advance(Duration.ofMinutes(2));
        TrackingHistory attempted = Await.result(carrier.track(label.trackingKey()));
        assertThat(attempted.events()).last().extracting(TrackingEvent::status).isEqualTo(TrackingStatus.FAILURE);
        assertThat(attempted.estimate()).contains(new CarrierEstimate(label.trackingKey(), LocalDate.parse("2026-11-20"),
                attempted.events().get(attempted.events().size() - 1).occurredAt()));
    }

    @Test
    void aParcelGoingBackHasNoEstimate() {
        SandboxCarrier carrier = carrier(0, 0, 1, 0);
        CreatedLabel label = ship(carrier, "standard");
        assertThat(Await.result(carrier.track(label.trackingKey())).estimate()).isPresent();
        clock.advance(Duration.ofMinutes(16));

        assertThat(Await.result(carrier.track(label.trackingKey())).events()).last().extracting(TrackingEvent::status).isEqualTo(TrackingStatus.ERROR);
        assertThat(Await.result(carrier.track(label.trackingKey())).estimate()).isEmpty();
    }

    @Test
    void aScriptedParcelOfAnotherCarrierHasAnEstimateUnderItsOwnKey() {
        SandboxCarrier carrier = carrier(0, 0, 0, 0);
        TrackingKey key = new TrackingKey("omniva", "CE000000014LT");
        carrier.script(key, DeliveryMode.DOOR, clock.instant(), "Vilnius", "Kaunas");

        assertThat(Await.result(carrier.track(key)).estimate()).contains(new CarrierEstimate(key, LocalDate.parse("2026-11-19"), clock.instant()));
    }

    @Test
    void aFailedAttemptSendsTheParcelToAPickupPointAndAnUncollectedOneBack() {
        SandboxCarrier carrier = carrier(1, 1, 0, 0);
        CreatedLabel label = ship(carrier, "standard");
        clock.advance(Duration.ofDays(1));

        assertThat(statuses(Await.result(carrier.track(label.trackingKey())).events())).endsWith(TrackingStatus.OUT_FOR_DELIVERY,
                TrackingStatus.FAILURE, TrackingStatus.AVAILABLE_FOR_PICKUP, TrackingStatus.RETURN_TO_SENDER);
    }

    /** Sent to a pickup point, the parcel waits at the city's locker, open always; tracking and its webhook both name it. */
    @Test
    void aParcelForAPickupPointWaitsAtALockerOpenDayAndNight() {
        SandboxCarrier carrier = carrier(0, 0, 0, 0);
        CreatedLabel label = ship(carrier, "pickup");
        clock.advance(Duration.ofMinutes(13));

        TrackingEvent waiting = Await.result(carrier.track(label.trackingKey())).events().stream()
                .filter(event -> event.status() == TrackingStatus.AVAILABLE_FOR_PICKUP).findFirst().orElseThrow();
        PickupPoint locker = waiting.pickupPoint().orElseThrow();
        assertThat(locker.name()).isEqualTo("Sandbox pakomāts Origo").isEqualTo(waiting.location());
        assertThat(locker.addressLine()).isEqualTo("Stacijas laukums 2, LV-1050 Rīga");
        assertThat(locker.country()).isEqualTo("LV");
        assertThat(locker.openingHours()).contains(OpeningHours.always());
        assertThat(locker.collectBy()).contains(LocalDate.parse("2026-11-26"));

        TrackingWebhookReceiver receiver = new TrackingWebhookReceiver(carrier, SECRET, new InMemoryProcessedWebhookStore(100));
        List<TrackingEvent> delivered = Await.result(carrier.dueWebhooks()).stream()
                .flatMap(webhook -> Await.result(receiver.receive(webhook.body(), webhook.headers())).events().stream()).toList();
        assertThat(delivered).filteredOn(event -> event.status() == TrackingStatus.AVAILABLE_FOR_PICKUP).singleElement()
                .isEqualTo(waiting);
        assertThat(delivered).filteredOn(event -> event.status() != TrackingStatus.AVAILABLE_FOR_PICKUP)
                .allSatisfy(event -> assertThat(event.pickupPoint()).isEmpty());
    }

    /** Nobody home: the parcel goes to the post office, open on weekdays and Saturday mornings, closed on Sunday. */
    @Test
    void aParcelNobodyWasHomeForWaitsAtThePostOfficeWithItsWeekdayHours() {
        SandboxCarrier carrier = carrier(1, 0, 0, 0);
        CreatedLabel label = ship(carrier, "standard");
        clock.advance(Duration.ofDays(1));

        PickupPoint office = Await.result(carrier.track(label.trackingKey())).events().stream().flatMap(event -> event.pickupPoint().stream())
                .findFirst().orElseThrow();
        assertThat(office.name()).isEqualTo("Sandbox Rīgas centrālā pasta nodaļa");
        OpeningHours hours = office.openingHours().orElseThrow();
        assertThat(hours.alwaysOpen()).isFalse();
        assertThat(hours.on(DayOfWeek.MONDAY)).containsExactly(OpeningHours.Period.of("08:00", "19:00"));
        assertThat(hours.on(DayOfWeek.SATURDAY)).containsExactly(OpeningHours.Period.of("09:00", "15:00"));
        assertThat(hours.on(DayOfWeek.SUNDAY)).isEmpty();
    }

    @Test
    void anUnroutableAddressIsAnErrorAndGoesBack() {
        SandboxCarrier carrier = carrier(0, 0, 1, 0);
        CreatedLabel label = ship(carrier, "pickup");
        clock.advance(Duration.ofDays(1));

        assertThat(statuses(Await.result(carrier.track(label.trackingKey())).events())).endsWith(TrackingStatus.ERROR, TrackingStatus.RETURN_TO_SENDER);
    }

    @Test
    void cancelsOnlyBeforePickup() {
        SandboxCarrier carrier = carrier(0, 0, 0, 0);
        CreatedLabel early = ship(carrier, "standard");
        assertThat(Await.result(carrier.cancel(early.handle())).outcome()).isEqualTo(CancellationResult.Outcome.CANCELLED);
        assertThat(statuses(Await.result(carrier.track(early.trackingKey())).events())).containsExactly(TrackingStatus.PRE_TRANSIT, TrackingStatus.CANCELLED);

        CreatedLabel late = ship(carrier, "standard");
        clock.advance(Duration.ofMinutes(5));
        assertThat(Await.result(carrier.cancel(late.handle())).outcome()).isEqualTo(CancellationResult.Outcome.REJECTED);
    }

    @Test
    void carriersSharingAStoreVoidAndTrackEachOthersLabels() {
        SandboxParcels shared = new InMemorySandboxParcels();
        InMemoryTrackingNumberSequence serials = new InMemoryTrackingNumberSequence(1);
        SandboxCarrier one = new SandboxCarrier(settings(0, 0, 0, 0), clock, new LabelRenderer(), serials, shared);
        SandboxCarrier other = new SandboxCarrier(settings(0, 0, 0, 0), clock, new LabelRenderer(), serials, shared);
        CreatedLabel label = ship(one, "standard");

        assertThat(Await.result(other.cancel(label.handle())).outcome()).isEqualTo(CancellationResult.Outcome.CANCELLED);
        assertThat(statuses(Await.result(one.track(label.trackingKey())).events())).containsExactly(TrackingStatus.PRE_TRANSIT, TrackingStatus.CANCELLED);
        assertThat(Await.result(one.cancel(label.handle())).detail()).isEqualTo("already cancelled");
        assertThatThrownBy(() -> Await.result(carrier(0, 0, 0, 0).cancel(label.handle()))).isInstanceOf(UnknownShipmentException.class);
    }

    @Test
    void aWebhookRunOnAnotherInstanceDoesNotUndoACancelWrittenWhileItRan() {
        InMemorySandboxParcels store = new InMemorySandboxParcels();
        InMemoryTrackingNumberSequence serials = new InMemoryTrackingNumberSequence(1);
        SandboxCarrier other = new SandboxCarrier(settings(0, 0, 0, 0), clock, new LabelRenderer(), serials, store);
        List<Runnable> meanwhile = new ArrayList<>();
        SandboxCarrier one = new SandboxCarrier(settings(0, 0, 0, 0), clock, new LabelRenderer(), serials,
                new ReadThenMeanwhile(store, meanwhile));
        CreatedLabel label = ship(one, "standard");
        // The other instance voids the label after this instance's webhook run read the parcel and before it records what it sent.
        meanwhile.add(() -> assertThat(Await.result(other.cancel(label.handle())).outcome()).isEqualTo(CancellationResult.Outcome.CANCELLED));

        assertThat(Await.result(one.dueWebhooks())).hasSize(1);

        assertThat(Await.result(store.find(label.trackingKey().trackingNumber())).orElseThrow().cancelledAt()).isNotNull();
        assertThat(statuses(Await.result(one.track(label.trackingKey())).events())).containsExactly(TrackingStatus.PRE_TRANSIT,
                TrackingStatus.CANCELLED);
        assertThat(Await.result(other.dueWebhooks())).extracting(webhook -> new String(webhook.body(), StandardCharsets.UTF_8))
                .anyMatch(body -> body.contains("CANCELLED"));
    }

    /** A store whose list of unsent parcels is read first, and then lets what happens meanwhile happen, once. */
    private record ReadThenMeanwhile(SandboxParcels store, List<Runnable> meanwhile) implements SandboxParcels {

        @Override
        public CompletionStage<List<SandboxParcel>> withUnsentScans() {
            List<SandboxParcel> read = Await.result(store.withUnsentScans());
            meanwhile.forEach(Runnable::run);
            meanwhile.clear();
            return CompletableFuture.completedFuture(read);
        }

        @Override
        public CompletionStage<Void> add(SandboxParcel parcel) {
            return store.add(parcel);
        }

        @Override
        public CompletionStage<Optional<SandboxParcel>> find(String trackingNumber) {
            return store.find(trackingNumber);
        }

        @Override
        public CompletionStage<Void> replace(SandboxParcel parcel) {
            return store.replace(parcel);
        }

        @Override
        public CompletionStage<Void> markWebhooksSent(SandboxParcel sent) {
            return store.markWebhooksSent(sent);
        }

        @Override
        public CompletionStage<Void> addReturnLabel(String trackingNumber, Instant issuedAt) {
            return store.addReturnLabel(trackingNumber, issuedAt);
        }

        @Override
        public CompletionStage<Optional<Instant>> returnLabelIssuedAt(String trackingNumber) {
            return store.returnLabelIssuedAt(trackingNumber);
        }
    }

    @Test
    void aTrackingNumberIsOnlyKnownTogetherWithItsCarrier() {
        SandboxCarrier carrier = carrier(0, 0, 0, 0);
        CreatedLabel label = ship(carrier, "standard");

        assertThatThrownBy(() -> Await.result(carrier.track(new TrackingKey("omniva", label.trackingKey().trackingNumber()))))
                .isInstanceOf(UnknownShipmentException.class);
    }

    @Test
    void webhooksAreVerifiedParsedAndDeduplicated() {
        SandboxCarrier carrier = carrier(0, 0, 0, 1);
        CreatedLabel label = ship(carrier, "standard");
        clock.advance(Duration.ofMinutes(3));
        TrackingWebhookReceiver receiver = new TrackingWebhookReceiver(carrier, SECRET, new InMemoryProcessedWebhookStore(1000));

        List<SandboxWebhook> webhooks = Await.result(carrier.dueWebhooks());
        // Two scans are due, each delivered twice.
        assertThat(webhooks).hasSize(4);
        List<WebhookReceipt> receipts = webhooks.stream().map(w -> Await.result(receiver.receive(w.body(), w.headers()))).toList();

        assertThat(receipts).extracting(WebhookReceipt::duplicate).containsExactly(false, true, false, true);
        assertThat(receipts.get(2).events()).singleElement().satisfies(event -> {
            assertThat(event.trackingKey()).isEqualTo(label.trackingKey());
            assertThat(event.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
            assertThat(event.carrierStatusCode()).isEqualTo("PICKED_UP");
            // Each webhook carries the sandbox's estimate as it stood at its scan.
            assertThat(receipts.get(2).estimates()).containsExactly(new CarrierEstimate(label.trackingKey(), LocalDate.parse("2026-11-19"),
                    event.occurredAt()));
        });
        assertThat(receipts.get(1).estimates()).as("a duplicate brings nothing").isEmpty();
        assertThat(Await.result(carrier.dueWebhooks())).isEmpty();
    }

    @Test
    void aTamperedOrForeignWebhookIsRejectedBeforeParsing() {
        SandboxCarrier carrier = carrier(0, 0, 0, 0);
        ship(carrier, "standard");
        SandboxWebhook webhook = Await.result(carrier.dueWebhooks()).get(0);
        byte[] tampered = new String(webhook.body(), StandardCharsets.UTF_8).replace("LABEL_CREATED", "DELIVERED")
                .getBytes(StandardCharsets.UTF_8);

        TrackingWebhookReceiver receiver = new TrackingWebhookReceiver(carrier, SECRET, new InMemoryProcessedWebhookStore(10));
        assertThatThrownBy(() -> Await.result(receiver.receive(tampered, webhook.headers())))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not match");
        TrackingWebhookReceiver otherSecret = new TrackingWebhookReceiver(carrier, "other".getBytes(StandardCharsets.UTF_8),
                new InMemoryProcessedWebhookStore(10));
        assertThatThrownBy(() -> Await.result(otherSecret.receive(webhook.body(), webhook.headers())))
                .isInstanceOf(WebhookVerificationException.class);
        assertThat(Await.result(receiver.receive(webhook.body(), webhook.headers())).duplicate()).isFalse();
    }

    private SandboxCarrier carrier(double failedAttempts, double returns, double addressProblems, double duplicates) {
        return new SandboxCarrier(settings(failedAttempts, returns, addressProblems, duplicates), clock, new LabelRenderer());
    }

    private static SandboxSettings settings(double failedAttempts, double returns, double addressProblems, double duplicates) {
        return new SandboxSettings(Duration.ofMinutes(3), Duration.ofMinutes(3), Duration.ofMinutes(5),
                failedAttempts, returns, addressProblems, duplicates, 11, "https://track.example/{trackingNumber}", SECRET);
    }

    @Test
    void aLabelCarriesTheTransitDaysItsQuoteCountedOnForTheDestination() {
        SandboxCarrier carrier = carrier(0, 0, 0, 0);
        Address tallinn = Address.of("Mari Tamm", "Narva mnt 5", "Tallinn", "10117", "EE");
        CreatedLabel domestic = ship(carrier, "standard");
        CreatedLabel abroad = Await.result(carrier.createLabel(new LabelRequest("SO-2", WAREHOUSE, tallinn, Parcel.of(1_000, 300, 200, 100),
                "standard", Sscc.of("4750001", 0, 8), clock.instant(), Optional.empty())));

        assertThat(domestic.transitDays()).isEqualTo(1);
        assertThat(abroad.transitDays()).as("across a border, as its quote said").isEqualTo(3);
    }

    private CreatedLabel ship(SandboxCarrier carrier, String service) {
        return Await.result(carrier.createLabel(new LabelRequest("SO-1", WAREHOUSE, CUSTOMER, Parcel.of(1_000, 300, 200, 100), service,
                Sscc.of("4750001", 0, 7), clock.instant(), Optional.empty())));
    }

    private static List<TrackingStatus> statuses(List<TrackingEvent> events) {
        return events.stream().map(TrackingEvent::status).toList();
    }
}
