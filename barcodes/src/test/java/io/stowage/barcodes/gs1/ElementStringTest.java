package io.stowage.barcodes.gs1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElementStringTest {

    private static final char GS = ElementString.GROUP_SEPARATOR;

    @Test
    void parsesBracketedFixedAndVariableAis() {
        ElementString es = ElementString.parseBracketed("(01)09506000134352(17)201225(10)ABC123");
        assertThat(es.elements()).containsExactly(
                new AiElement("01", "09506000134352"),
                new AiElement("17", "201225"),
                new AiElement("10", "ABC123"));
        assertThat(es.get("10")).contains("ABC123");
        assertThat(es.get("21")).isEmpty();
        assertThat(es.getDate("17")).contains(LocalDate.of(2020, 12, 25));
        assertThat(es.bracketed()).isEqualTo("(01)09506000134352(17)201225(10)ABC123");
    }

    @Test
    void writesSeparatorsOnlyAfterVariableLengthAisThatAreNotLast() {
        ElementString es = ElementString.parseBracketed("(01)09506000134352(10)ABC123(17)201225(21)S/N 1"
                .replace(" ", ""));
        assertThat(es.unbracketedWithSeparators())
                .isEqualTo("0109506000134352" + "10ABC123" + GS + "17201225" + "21S/N1");
    }

    @Test
    void parsesScannerDataWithAimIdAndGroupSeparators() {
        String raw = "]C1" + "0109506000134352" + "10ABC123" + GS + "17201225" + "3103000750";
        ElementString es = ElementString.parseUnbracketed(raw);
        assertThat(es.bracketed()).isEqualTo("(01)09506000134352(10)ABC123(17)201225(3103)000750");
    }

    @Test
    void parsesScannerDataWithoutAimIdOrWithLeadingFnc1() {
        assertThat(ElementString.parseUnbracketed("00106141411234567897").get("00")).contains("106141411234567897");
        assertThat(ElementString.parseUnbracketed(GS + "0109506000134352" + "21XYZ" + GS + "3922499")
                .bracketed()).isEqualTo("(01)09506000134352(21)XYZ(3922)499");
    }

    @Test
    void roundTripsBetweenTheTwoForms() {
        String bracketed = "(00)106141411234567897(02)09506000134352(37)24(400)PO-42\\(A\\)";
        ElementString es = ElementString.parseBracketed(bracketed);
        assertThat(es.get("400")).contains("PO-42(A)");
        assertThat(ElementString.parseUnbracketed(es.unbracketedWithSeparators())).isEqualTo(es);
        assertThat(es.bracketed()).isEqualTo(bracketed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "(01)09506000134353|AI (01) GTIN: value '09506000134353' has check digit 3, expected 2",
            "(00)106141411234567890|AI (00) SSCC: value '106141411234567890' has check digit 0, expected 7",
            "(01)0950600013435|AI (01) GTIN: value '0950600013435' is too short: expected 14 characters",
            "(17)201332|AI (17) USE BY or EXPIRY: value '201332' is not a valid YYMMDD date",
            "(11)230229|AI (11) PROD DATE: value '230229' is not a valid YYMMDD date",
            "(7006)240100|AI (7006) FIRST FREEZE DATE: value '240100' is not a date: day 00 is not allowed here",
            "(10)ABCDEFGHIJKLMNOPQRSTU|AI (10) BATCH/LOT: value 'ABCDEFGHIJKLMNOPQRSTU' is too long: expected 1 to 20 characters",
            "(10)AB#1|AI (10) BATCH/LOT: value 'AB#1' contains '#', not allowed in CSET 82 data",
            "(3103)12345A|AI (3103) NET WEIGHT (kg): value '12345A' contains 'A', not allowed in numeric data",
            "(23)123|AI (23) is not a GS1 Application Identifier",
            "(8008)2401011|AI (8008) PROD TIME: value '2401011' is too short: expected 8 to 12 characters"
    })
    void namesTheAiThatIsWrong(String text, String message) {
        assertThatThrownBy(() -> ElementString.parseBracketed(text))
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessage(message);
    }

    @Test
    void acceptsEndOfMonthExpiryAndLeapDays() {
        assertThat(ElementString.parseBracketed("(01)09506000134352(17)240200").getDate("17"))
                .contains(LocalDate.of(2024, 2, 29));
        assertThat(ElementString.parseBracketed("(01)09506000134352(11)240229").getDate("11"))
                .contains(LocalDate.of(2024, 2, 29));
        assertThat(ElementString.parseBracketed("(8008)24010112").get("8008")).contains("24010112");
    }

    @Test
    void resolvesTheCenturyWithTheGs1SlidingWindow() {
        assertThat(Gs1Dates.resolve("990101", 2026)).isEqualTo(LocalDate.of(1999, 1, 1));
        assertThat(Gs1Dates.resolve("760101", 2026)).isEqualTo(LocalDate.of(2076, 1, 1));
        assertThat(Gs1Dates.resolve("770101", 2026)).isEqualTo(LocalDate.of(1977, 1, 1));
        assertThat(Gs1Dates.resolve("050101", 2060)).isEqualTo(LocalDate.of(2105, 1, 1));
    }

    @Test
    void rejectsMalformedInput() {
        assertThatThrownBy(() -> ElementString.parseBracketed("01)09506000134352")).hasMessageContaining("must start");
        assertThatThrownBy(() -> ElementString.parseBracketed("(01")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> ElementString.parseBracketed("(01)09506000134352(01)09506000134352"))
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> ElementString.parseUnbracketed("]C1" + "01095060001343"))
                .hasMessageContaining("AI (01) GTIN needs 14 characters, only 12 left");
        assertThatThrownBy(() -> ElementString.parseUnbracketed("2312345"))
                .hasMessageContaining("No GS1 Application Identifier at '2312'");
        assertThatThrownBy(() -> new ElementString(List.of())).isInstanceOf(InvalidBarcodeException.class);
    }

    @Test
    void knowsEveryAiInARangeFromTheDictionary() {
        assertThat(ElementString.parseBracketed("(3105)001234(3929)97812(91)ANY-thing").elements()).hasSize(3);
        assertThat(ElementString.isPredefinedLength("3105")).isTrue();
        assertThat(ElementString.isPredefinedLength("10")).isFalse();
        assertThatThrownBy(() -> ElementString.parseBracketed("(3106)001234")).hasMessageContaining("(3106)");
    }

    @Test
    void rejectsAisThatMustNotAppearTogether() {
        assertThatThrownBy(() -> ElementString.parseBracketed("(01)09506000134352(02)09506000134352"))
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessage("AI (02) CONTENT must not appear together with AI (01)");
        assertThatThrownBy(() -> ElementString.parseBracketed("(01)09506000134352(3103)000500(3102)005000"))
                .hasMessageContaining("AI (3103)")
                .hasMessageContaining("AI (3102)");
    }

    @Test
    void checksMandatoryAssociationsOnlyWhenAsked() {
        ElementString lotOnly = ElementString.parseBracketed("(10)LOT-1(17)261231");
        assertThat(lotOnly.get("10")).contains("LOT-1");
        assertThatThrownBy(lotOnly::requireMandatoryAssociations)
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessage("AI (10) BATCH/LOT requires (01) or (02) or (03) or (8006) or (8026) in (10)LOT-1(17)261231");

        ElementString.parseBracketed("(01)09506000134352(17)261231(10)LOT-1").requireMandatoryAssociations();
        ElementString.parseBracketed("(00)106141411234567897(02)09506000134352(37)24").requireMandatoryAssociations();
        assertThatThrownBy(() -> ElementString.parseBracketed("(01)09506000134352(250)S1")
                .requireMandatoryAssociations())
                .hasMessageContaining("AI (250)")
                .hasMessageContaining("requires (21)");
    }
}
