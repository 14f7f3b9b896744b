package io.stowage.carriers.sandbox;

import io.stowage.carriers.Await;
import io.stowage.barcodes.decode.BarcodeDecoder;
import io.stowage.barcodes.decode.DecodedBarcode;
import io.stowage.barcodes.render.Symbology;
import io.stowage.carriers.label.LabelRenderer;
import io.stowage.carriers.ratecard.InMemoryTrackingNumberSequence;
import io.stowage.carriers.ratecard.RateCardCarrier;
import io.stowage.carriers.ratecard.RateCardLoader;
import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.Parcel;
import io.stowage.carriers.spi.ReturnLabel;
import io.stowage.carriers.spi.ReturnLabelRequest;
import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.spi.UnknownShipmentException;
import io.stowage.carriers.tracking.InMemoryProcessedWebhookStore;
import io.stowage.carriers.tracking.TrackingEvent;
import io.stowage.carriers.tracking.TrackingStatus;
import io.stowage.carriers.tracking.TrackingWebhookReceiver;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxReturnLabelTest {

    private static final Address WAREHOUSE = Address.of("Stowage Riga", "Krasta iela 52", "Rīga", "LV-1003", "LV");
    private static final Address CUSTOMER = Address.of("Anna Bērziņa", "Brīvības iela 10", "Rīga", "LV-1010", "LV");
    private static final byte[] SECRET = "s".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-19T08:00:00Z"));

    @Test
    void aReturnLabelGoesFromTheCustomerToTheWarehouseWithTheRmaToScanAndADropOffCode() throws Exception {
        SandboxCarrier carrier = new SandboxCarrier(new SandboxSettings(Duration.ofMinutes(3), Duration.ofMinutes(3), Duration.ofMinutes(5),
                0, 0, 0, 0, 11, "https://track.example/{trackingNumber}", "s".getBytes(StandardCharsets.UTF_8)), clock, new LabelRenderer(),
                new InMemoryTrackingNumberSequence(40));

        ReturnLabel label = Await.result(carrier.createReturnLabel(new ReturnLabelRequest("RMA-ABCDE23456", "SO-1", CUSTOMER, WAREHOUSE,
                Parcel.of(800, 300, 200, 100), "pickup", clock.instant())));

        assertThat(label.trackingKey().trackingNumber()).isEqualTo("SBR0000000040");
        assertThat(label.service().serviceCode()).isEqualTo("standard");
        // Priced as the parcel going out: 3.50 and 0.60 for the second started kilogram (1.2 kg by volume)
        assertThat(label.price().minorUnits()).isEqualTo(410);
        assertThat(label.dropOffCode()).contains("SBXDROP:SBR0000000040:RMA-ABCDE23456");
        assertThat(BarcodeDecoder.decodeAll(label.documents().png())).contains(
                new DecodedBarcode(Symbology.CODE_128, "SBR0000000040"),
                new DecodedBarcode(Symbology.CODE_128, "RMA-ABCDE23456"));
        try (PDDocument pdf = Loader.loadPDF(label.documents().pdf())) {
            String text = new PDFTextStripper().getText(pdf);
            // From the customer, to the warehouse
            assertThat(text.indexOf("Anna Bērziņa")).isLessThan(text.indexOf("Stowage Riga"));
            assertThat(text).contains("RETURN", "Order SO-1", "RMA-ABCDE23456");
        }
        assertThat(new String(label.documents().zpl(), StandardCharsets.UTF_8)).startsWith("^XA").contains("RMA-ABCDE23456");
    }

    @Test
    void aReturnLabelItIssuedAwaitsDropOffWhereANumberItNeverIssuedIsUnknown() {
        SandboxCarrier carrier = new SandboxCarrier(SandboxSettings.demo("s".getBytes(StandardCharsets.UTF_8)), clock, new LabelRenderer(),
                new InMemoryTrackingNumberSequence(40));
        ReturnLabel label = Await.result(carrier.createReturnLabel(new ReturnLabelRequest("RMA-ABCDE23456", "SO-1", CUSTOMER, WAREHOUSE,
                Parcel.of(800, 300, 200, 100), "standard", clock.instant())));
        TrackingKey issued = label.trackingKey();

        assertThat(Await.result(carrier.knows(issued))).as("no parcel until it is dropped off").isFalse();
        assertThat(Await.result(carrier.awaitingDropOff(issued))).contains(clock.instant());
        assertThat(Await.result(carrier.awaitingDropOff(new TrackingKey(SandboxCarrier.CODE, "SBR0000000041")))).as("never issued").isEmpty();
        assertThat(Await.result(carrier.awaitingDropOff(new TrackingKey("omniva", issued.trackingNumber())))).as("another carrier's number").isEmpty();
    }

    @Test
    void aReturnHandedInMovesToTheWarehouseAndIsDeliveredWhenTheWarehouseReceivesIt() {
        SandboxCarrier carrier = new SandboxCarrier(SandboxSettings.demo(SECRET), clock, new LabelRenderer(),
                new InMemoryTrackingNumberSequence(40));
        TrackingKey key = returnLabel(carrier);
        clock.advance(Duration.ofHours(5));

        Await.result(carrier.dropOff(key));
        Await.result(carrier.dropOff(key));
        assertThat(Await.result(carrier.awaitingDropOff(key))).as("dropped off").isEmpty();
        assertThat(codes(Await.result(carrier.track(key)).events())).containsExactly("DROPPED_OFF");
        assertThat(Await.result(carrier.track(key)).events().get(0).occurredAt()).as("handed in once, now").isEqualTo(clock.instant());
        clock.advance(Duration.ofHours(2));
        List<TrackingEvent> onItsWay = Await.result(carrier.track(key)).events();
        assertThat(codes(onItsWay)).as("it waits at the warehouse for the station").containsExactly("DROPPED_OFF", "ARRIVED_AT_HUB", "DEPARTED_HUB");
        assertThat(onItsWay).extracting(TrackingEvent::status).containsOnly(TrackingStatus.IN_TRANSIT);
        TrackingWebhookReceiver receiver = new TrackingWebhookReceiver(carrier, SECRET, new InMemoryProcessedWebhookStore(100));
        assertThat(Await.result(carrier.dueWebhooks())).extracting(webhook -> Await.result(receiver.receive(webhook.body(), webhook.headers())).events().get(0).carrierStatusCode())
                .containsExactly("DROPPED_OFF", "ARRIVED_AT_HUB", "DEPARTED_HUB");

        clock.advance(Duration.ofDays(1));
        Await.result(carrier.returnReceived(key));
        clock.advance(Duration.ofMinutes(1));
        Await.result(carrier.returnReceived(key));
        List<TrackingEvent> delivered = Await.result(carrier.track(key)).events();
        assertThat(codes(delivered)).containsExactly("DROPPED_OFF", "ARRIVED_AT_HUB", "DEPARTED_HUB", "DELIVERED");
        assertThat(delivered.get(3).status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(delivered.get(3).occurredAt()).as("received once").isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(Await.result(carrier.track(key)).estimate()).isEmpty();
        assertThat(Await.result(carrier.dueWebhooks())).singleElement()
                .satisfies(webhook -> assertThat(Await.result(receiver.receive(webhook.body(), webhook.headers())).events().get(0).status())
                        .isEqualTo(TrackingStatus.DELIVERED));
    }

    /** The warehouse has it, so the carrier carried it: received before anyone played the drop-off, it is handed in and delivered at once. */
    @Test
    void aReturnReceivedThatWasNeverSeenHandedInIsHandedInAndDeliveredAtOnce() {
        SandboxCarrier carrier = new SandboxCarrier(SandboxSettings.demo(SECRET), clock, new LabelRenderer(),
                new InMemoryTrackingNumberSequence(40));
        TrackingKey key = returnLabel(carrier);
        clock.advance(Duration.ofDays(2));

        Await.result(carrier.returnReceived(key));
        clock.advance(Duration.ofHours(1));

        assertThat(codes(Await.result(carrier.track(key)).events())).containsExactly("DROPPED_OFF", "DELIVERED");
        Await.result(carrier.dropOff(key));
        assertThat(codes(Await.result(carrier.track(key)).events())).as("handed in again: nothing changes").containsExactly("DROPPED_OFF", "DELIVERED");
    }

    @Test
    void onlyAReturnLabelItIssuedCanBeHandedInOrReceived() {
        SandboxCarrier carrier = new SandboxCarrier(SandboxSettings.demo(SECRET), clock, new LabelRenderer(),
                new InMemoryTrackingNumberSequence(40));
        TrackingKey key = returnLabel(carrier);

        for (TrackingKey unknown : List.of(new TrackingKey(SandboxCarrier.CODE, "SBR0000000041"), new TrackingKey("omniva", key.trackingNumber()))) {
            assertThatThrownBy(() -> Await.result(carrier.dropOff(unknown))).isInstanceOf(UnknownShipmentException.class);
            assertThatThrownBy(() -> Await.result(carrier.returnReceived(unknown))).isInstanceOf(UnknownShipmentException.class);
        }
        assertThat(Await.result(carrier.awaitingDropOff(key))).isPresent();
    }

    private TrackingKey returnLabel(SandboxCarrier carrier) {
        return Await.result(carrier.createReturnLabel(new ReturnLabelRequest("RMA-ABCDE23456", "SO-1", CUSTOMER, WAREHOUSE,
                Parcel.of(800, 300, 200, 100), "standard", clock.instant()))).trackingKey();
    }

    private static List<String> codes(List<TrackingEvent> events) {
        return events.stream().map(TrackingEvent::carrierStatusCode).toList();
    }

    @Test
    void aRateCardCarrierPrintsReturnLabelsToTheWarehouseDoorWithoutADropOffCode() {
        RateCardCarrier rateCard = new RateCardCarrier(new RateCardLoader().loadSamples().stream()
                .filter(card -> card.carrier().equals("omniva")).findFirst().orElseThrow(), new InMemoryTrackingNumberSequence(7),
                new LabelRenderer());

        ReturnLabel label = Await.result(rateCard.createReturnLabel(new ReturnLabelRequest("RMA-ABCDE23456", "SO-1", CUSTOMER, WAREHOUSE,
                Parcel.of(800, 300, 200, 100), "locker", clock.instant())));

        assertThat(label.service().deliveryMode()).isEqualTo(DeliveryMode.DOOR);
        assertThat(label.dropOffCode()).isEmpty();
        assertThat(BarcodeDecoder.decodeAll(label.documents().png())).contains(
                new DecodedBarcode(Symbology.CODE_128, label.trackingKey().trackingNumber()),
                new DecodedBarcode(Symbology.CODE_128, "RMA-ABCDE23456"));
    }
}
