package io.stowage.scanner.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScanParserTest {

    private static final char GS = '\u001d';
    private final ScanParser parser = new ScanParser(WedgeSettings.defaults());

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "]C0LPN000123, CODE_128, LPN000123",
            "]E04006381333931, EAN_13, 4006381333931",
            "]E096385074, EAN_13, 96385074",
            "]E496385074, EAN_8, 96385074",
            "]d1A-03-02-B, DATA_MATRIX, A-03-02-B",
            "]Q1B1042, QR_CODE, B1042",
            "A-03-02-B, UNKNOWN, A-03-02-B",
            "]X9ODD, UNKNOWN, ]X9ODD"
    })
    void stripsKnownAimIdentifiers(String text, Symbology symbology, String raw) {
        Scan scan = parser.parse(text);
        assertThat(scan.symbology()).isEqualTo(symbology);
        assertThat(scan.raw()).isEqualTo(raw);
        assertThat(scan.gs1()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "]C1, GS1_128",
            "]Q3, GS1_QR_CODE",
            "]d2, GS1_DATA_MATRIX",
            "]e0, GS1_DATABAR"
    })
    void parsesGs1SymbologiesAsElementStrings(String aimId, Symbology symbology) {
        Scan scan = parser.parse(aimId + "0109506000134352" + "10LOT-7" + GS + "17261231");
        assertThat(scan.symbology()).isEqualTo(symbology);
        assertThat(scan.gs1()).hasValueSatisfying(es -> assertThat(es.bracketed())
                .isEqualTo("(01)09506000134352(10)LOT-7(17)261231"));
    }

    @Test
    void recognisesGs1WithoutAnAimIdentifier() {
        assertThat(parser.parse(GS + "00106141411234567897").gs1()).isPresent();
        assertThat(parser.parse("0109506000134352" + "17261231").gs1()).isPresent();
        assertThat(parser.parse("(01)09506000134352(10)L1").gs1()).isPresent();
        assertThat(parser.parse("https://id.gs1.org/01/09506000134352/10/L1").gs1())
                .hasValueSatisfying(es -> assertThat(es.get("10")).contains("L1"));
        assertThat(parser.parse("]Q1https://id.gs1.org/00/106141411234567897").gs1()).isPresent();
    }

    @Test
    void keepsPlainCodesThatOnlyLookLikeGs1() {
        assertThat(parser.parse("09506000134352").gs1()).isEmpty();
        assertThat(parser.parse("10ABC").gs1()).isEmpty();
        assertThat(parser.parse("]C00109506000134352").gs1()).isEmpty();
    }

    @Test
    void appliesTheFnc1SubstituteOnlyToGs1Data() {
        ScanParser tilde = new ScanParser(WedgeSettings.defaults().withFnc1Substitute("~"));

        assertThat(tilde.parse("]C10109506000134352" + "10A~17261231").gs1()).hasValueSatisfying(es ->
                assertThat(es.get("17")).contains("261231"));
        assertThat(tilde.parse("]C0A~B").raw()).isEqualTo("A~B");
    }

    @Test
    void explainsAnInvalidGs1Label() {
        Scan scan = parser.parse("]C10109506000134353");
        assertThat(scan.gs1()).isEmpty();
        assertThat(ScanParser.gs1Problem(scan)).hasValueSatisfying(problem ->
                assertThat(problem).contains("AI (01)", "expected 2"));
    }
}
