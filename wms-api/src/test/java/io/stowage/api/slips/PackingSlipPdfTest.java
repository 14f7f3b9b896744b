package io.stowage.api.slips;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Packing slips rendered and read back as text, in every language and paper size. */
class PackingSlipPdfTest {

    static List<Arguments> languagesAndSizes() {
        List<Arguments> all = new ArrayList<>();
        for (SlipLanguage language : SlipLanguage.values()) {
            for (PaperSize size : PaperSize.values()) {
                all.add(Arguments.of(language, size));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("languagesAndSizes")
    void theSlipSaysEverythingInTheCustomersLanguage(SlipLanguage language, PaperSize size) throws IOException {
        PackingSlip slip = slip(language, 2, List.of(
                new PackingSlip.Line(1, "TEE-M-NAVY", "Linen tee M Navy", "M", "Navy", 2),
                new PackingSlip.Line(2, "SCARF-AMBER", "Šalikas Gintaras", null, "Ąžuolų", 1)));

        byte[] pdf = PackingSlipPdf.render(slip, size);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isEqualTo(size.page().getWidth());
            assertThat(page.getHeight()).isEqualTo(size.page().getHeight());
            assertFontsEmbedded(document.getPage(0));
            String text = oneLine(new PDFTextStripper().getText(document));
            SlipLanguage.Texts texts = language.texts();
            assertThat(text).contains(texts.title(), texts.order() + ": WEB-100231", texts.shipTo() + ": Ieva Jankauskaitė",
                    texts.item(), texts.size(), texts.colour(), texts.quantity(),
                    "Linen tee M Navy", "TEE-M-NAVY", "Navy", "Šalikas Gintaras", "SCARF-AMBER", "Ąžuolų",
                    texts.giftMessage(), "Su gimtadieniu, Ieva! З днем народження! Daudz laimes! Vse najboljše!",
                    texts.inserts(), "1 \u00D7 Hand cream sample",
                    language.parcel(1, 2), language.thankYou("Ieva Jankauskaitė"), language.packedBy("Rūta Žemaitė"));
            assertThat(text).doesNotContain("Tote bag");
        }
    }

    @Test
    void theThankYouNotesAreTheLanguagesOwn() {
        assertThat(SlipLanguage.EN.thankYou("Ieva")).isEqualTo("Thank you for your order, Ieva! We hope you enjoy it.");
        assertThat(SlipLanguage.UK.thankYou("Ieva")).isEqualTo("Дякуємо за ваше замовлення, Ieva! Сподіваємося, вам сподобається.");
        assertThat(SlipLanguage.LT.thankYou("Ieva")).isEqualTo("Dėkojame už jūsų užsakymą, Ieva! Tikimės, kad jis jums patiks.");
        assertThat(SlipLanguage.LV.thankYou("Ieva")).isEqualTo("Paldies par jūsu pasūtījumu, Ieva! Ceram, ka tas jums patiks.");
        assertThat(SlipLanguage.SL.thankYou("Ieva")).isEqualTo("Hvala za vaše naročilo, Ieva! Upamo, da vas bo razveselilo.");
        assertThat(SlipLanguage.LV.parcel(2, 3)).isEqualTo("Sūtījums 2 no 3");
        assertThat(SlipLanguage.UK.parcel(1, null)).isEqualTo("Посилка 1");
    }

    @Test
    void theCustomersLanguageThenTheCountryThenEnglish() {
        assertThat(SlipLanguage.forCustomer("uk-UA", "LT")).isEqualTo(SlipLanguage.UK);
        assertThat(SlipLanguage.forCustomer("SL", "AT")).isEqualTo(SlipLanguage.SL);
        assertThat(SlipLanguage.forCustomer(null, "LV")).isEqualTo(SlipLanguage.LV);
        assertThat(SlipLanguage.forCustomer(null, "SI")).isEqualTo(SlipLanguage.SL);
        assertThat(SlipLanguage.forCustomer(null, "DE")).isEqualTo(SlipLanguage.EN);
        // A customer who named a language the slip does not speak reads English, not the country's language.
        assertThat(SlipLanguage.forCustomer("de", "LV")).isEqualTo(SlipLanguage.EN);
    }

    @Test
    void aLongCartonRunsOntoMorePagesAndTheCountIsLeftOutUntilKnown() throws IOException {
        List<PackingSlip.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            lines.add(new PackingSlip.Line(i, "SKU-" + i, "Linen napkin with a rather long name that has to wrap onto a second line " + i, "40x40",
                    "Sand", 1));
        }
        PackingSlip slip = slip(SlipLanguage.LT, null, lines);

        try (PDDocument document = Loader.loadPDF(PackingSlipPdf.render(slip, PaperSize.A5))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = oneLine(new PDFTextStripper().getText(document));
            for (int i = 1; i <= 40; i++) {
                assertThat(text).contains("SKU-" + i + " ");
            }
            assertThat(text).contains("Siunta 1 ").doesNotContain("Siunta 1 iš");
        }
    }

    @Test
    void aCharacterTheFontLacksPrintsAsAQuestionMark() throws IOException {
        PackingSlip slip = new PackingSlip(UUID.randomUUID(), UUID.randomUUID(), null, "WEB-1", 1, 1, "Ona", "en",
                "Enjoy \uD83C\uDF81 the tee", "Rūta", List.of(new PackingSlip.Line(1, "TEE", "Tee", null, null, 1)), List.of(),
                OffsetDateTime.now());

        try (PDDocument document = Loader.loadPDF(PackingSlipPdf.render(slip, PaperSize.A5))) {
            assertThat(oneLine(new PDFTextStripper().getText(document))).contains("Enjoy ? the tee");
        }
    }

    private static PackingSlip slip(SlipLanguage language, Integer cartonCount, List<PackingSlip.Line> lines) {
        return new PackingSlip(UUID.randomUUID(), UUID.randomUUID(), "Amber & Linen", "WEB-100231", 1, cartonCount, "Ieva Jankauskaitė",
                language.code(), "Su gimtadieniu, Ieva! З днем народження! Daudz laimes! Vse najboljše!", "Rūta Žemaitė", lines,
                List.of(new PackingSlip.Insert("SAMPLE-CREAM", "Hand cream sample", 1, "first_order", UUID.randomUUID(), PackingSlip.Insert.TAKEN),
                        new PackingSlip.Insert("TOTE", "Tote bag", 1, "nth_order", UUID.randomUUID(), PackingSlip.Insert.OUT_OF_STOCK)),
                OffsetDateTime.now());
    }

    private static void assertFontsEmbedded(PDPage page) throws IOException {
        int fonts = 0;
        for (var name : page.getResources().getFontNames()) {
            PDFont font = page.getResources().getFont(name);
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            assertThat(font.getName()).contains("DejaVuSans");
            fonts++;
        }
        assertThat(fonts).isEqualTo(2);
    }

    /** Text extraction breaks lines where the slip wrapped them; the assertions read the text as one line. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
