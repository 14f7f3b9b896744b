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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxReturnLabelTest {

    private static final Address WAREHOUSE = Address.of("Stowage Riga", "Krasta iela 52", "Rīga", "LV-1003", "LV");
    private static final Address CUSTOMER = Address.of("Anna Bērziņa", "Brīvības iela 10", "Rīga", "LV-1010", "LV");
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
