package io.stowage.api.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.network.Node;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ManifestDocumentsTest {

    private static final Node NODE = new Node(UUID.randomUUID(), "VNO1", "warehouse", "Vilniaus sandėlis", null,
            new Node.Address("Savanorių pr. 178", "Vilnius", "03154", "LT"), 54.67, 25.24, "Europe/Vilnius", null);

    @Test
    void theCsvHasARowPerCartonWithSsccTrackingNumberAndWeight() {
        String csv = new String(ManifestDocuments.csv(load(List.of(carton("347712340000000018", "SBX1", 420, "AL-1")))), StandardCharsets.UTF_8);

        assertThat(csv.split("\r\n")).containsExactly(ManifestDocuments.CSV_HEADER,
                "VNO1-SANDBOX-20261204-7,2026-12-04,sandbox,347712340000000018,SBX1,420,AL-1,1,sandbox/standard");
    }

    @Test
    void csvFieldsAreQuotedAndFormulasAreDefused() {
        assertThat(ManifestDocuments.field("A,B")).isEqualTo("\"A,B\"");
        assertThat(ManifestDocuments.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ManifestDocuments.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ManifestDocuments.field("-12")).isEqualTo("'-12");
        assertThat(ManifestDocuments.field(null)).isEmpty();
    }

    @Test
    void thePdfListsEveryCartonOverSeveralPagesWithTotals() throws Exception {
        List<LoadView.Carton> cartons = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            cartons.add(carton(String.format("3477123400%07d", i) + "0", "SBX" + i, 500, "AL-" + i));
        }
        byte[] pdf = ManifestDocuments.pdf(load(cartons), NODE);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Carrier manifest VNO1-SANDBOX-20261204-7", "Vilniaus sandėlis", "Savanorių pr. 178",
                    "SBX1 ", "SBX120", "AL-120 #1 sandbox/standard", "Parcels: 120", "Total weight: 60.000 kg", "Driver's name and signature");
        }
    }

    @Test
    void namesAndAddressesPrintWithTheirDiacriticsAndInCyrillic() throws Exception {
        Node riga = new Node(UUID.randomUUID(), "RIX1", "warehouse", "Rīgas noliktava: ā ē ī ļ ņ š ž", null,
                new Node.Address("Ganību dambis 22", "Rīga", "LV-1005", "LV"), 56.97, 24.11, "Europe/Riga", null);
        LoadView load = new LoadView(UUID.randomUUID(), "RIX1", "ukrposhta", LocalDate.of(2026, 12, 4), "DOCK-1", "Київ-777", LoadView.CLOSED,
                "worker:B1001", Instant.parse("2026-12-04T08:00:00Z"), "RIX1-UKRPOSHTA-20261204-3", "worker:Līga Ozoliņa",
                Instant.parse("2026-12-04T15:30:00Z"), 1, 700, List.of(carton("347712340000000018", "UA1", 700, "Замовлення-Žž")), null);

        try (PDDocument document = Loader.loadPDF(ManifestDocuments.pdf(load, riga))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Rīgas noliktava: ā ē ī ļ ņ š ž", "Ganību dambis 22", "LV-1005 Rīga", "Trailer: Київ-777",
                    "by worker:Līga Ozoliņa", "Замовлення-Žž #1");
        }
    }

    @Test
    void aCharacterWithoutAGlyphPrintsAsAQuestionMarkInsteadOfFailingTheManifest() throws Exception {
        LoadView load = load(List.of(carton("347712340000000018", "SBX1", 420, "AL-\u6F22-1\t")));

        try (PDDocument document = Loader.loadPDF(ManifestDocuments.pdf(load, NODE))) {
            assertThat(new PDFTextStripper().getText(document)).contains("AL-?-1");
        }
    }

    private static LoadView load(List<LoadView.Carton> cartons) {
        long weight = cartons.stream().mapToLong(LoadView.Carton::weightGrams).sum();
        return new LoadView(UUID.randomUUID(), "VNO1", "sandbox", LocalDate.of(2026, 12, 4), "DOCK-1", "LY-123", LoadView.CLOSED,
                "worker:B1001", Instant.parse("2026-12-04T08:00:00Z"), "VNO1-SANDBOX-20261204-7", "worker:B1001",
                Instant.parse("2026-12-04T15:30:00Z"), cartons.size(), weight, cartons, null);
    }

    private static LoadView.Carton carton(String sscc, String tracking, int grams, String orderNumber) {
        return new LoadView.Carton(UUID.randomUUID(), sscc, tracking, grams, UUID.randomUUID(), orderNumber, 1, "sandbox/standard",
                "worker:B1001", Instant.parse("2026-12-04T14:00:00Z"));
    }
}
