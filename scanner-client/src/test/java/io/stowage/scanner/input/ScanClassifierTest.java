package io.stowage.scanner.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ScanClassifierTest {

    private static final char GS = '\u001d';
    private final ScanParser parser = new ScanParser(WedgeSettings.defaults());
    private final ScanClassifier classifier = ScanClassifier.withDefaults();

    private ClassifiedScan classify(String text) {
        return classifier.classify(parser.parse(text));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "A-03-02-B, LOCATION, A-03-02-B",
            "]C0ZZ-120-04-12, LOCATION, ZZ-120-04-12",
            "a-03-02-b, LOCATION, A-03-02-B",
            "LPN000123456, LPN, LPN000123456",
            "]C0lpn42, LPN, LPN42",
            "B1042, BADGE, B1042",
            "]E04006381333931, PRODUCT_GTIN, 04006381333931",
            "036000291452, PRODUCT_GTIN, 00036000291452",
            "96385074, PRODUCT_GTIN, 00000096385074",
            "09506000134352, PRODUCT_GTIN, 09506000134352",
            "376104250021234569, SSCC, 376104250021234569",
            "4006381333932, UNKNOWN, 4006381333932",
            "A-3-2-B, UNKNOWN, A-3-2-B",
            "LPN, UNKNOWN, LPN",
            "hello, UNKNOWN, hello"
    })
    void classifiesPlainCodes(String text, ScanKind kind, String code) {
        ClassifiedScan scan = classify(text);
        assertThat(scan.kind()).isEqualTo(kind);
        assertThat(scan.code()).isEqualTo(code);
        assertThat(scan.lot()).isEmpty();
    }

    @Test
    void readsProductLotAndExpiryFromGs1() {
        ClassifiedScan scan = classify("]C10109506000134352" + "17261200" + "10LOT-7");

        assertThat(scan.kind()).isEqualTo(ScanKind.PRODUCT_GTIN);
        assertThat(scan.code()).isEqualTo("09506000134352");
        assertThat(scan.gtin()).hasValueSatisfying(g -> assertThat(g.toGtin14()).isEqualTo("09506000134352"));
        assertThat(scan.lot()).contains("LOT-7");
        assertThat(scan.expiry()).contains(LocalDate.of(2026, 12, 31));
        assertThat(scan.sscc()).isEmpty();
    }

    @Test
    void treatsAPalletLabelAsAnSsccEvenWhenItNamesItsContents() {
        ClassifiedScan scan = classify("]C100106141411234567897" + "0209506000134352" + "3724" + GS + "10L9");

        assertThat(scan.kind()).isEqualTo(ScanKind.SSCC);
        assertThat(scan.sscc()).hasValueSatisfying(s -> assertThat(s.value()).isEqualTo("106141411234567897"));
        assertThat(scan.lot()).contains("L9");
    }

    @Test
    void reportsWhyAGs1LabelWasRejected() {
        ClassifiedScan bad = classify("]C100106141411234567890");
        assertThat(bad.kind()).isEqualTo(ScanKind.UNKNOWN);
        assertThat(bad.problem()).hasValueSatisfying(p -> assertThat(p).contains("AI (00)", "expected 7"));

        ClassifiedScan noKey = classify("]C1400PO-42");
        assertThat(noKey.kind()).isEqualTo(ScanKind.UNKNOWN);
        assertThat(noKey.problem()).hasValueSatisfying(p -> assertThat(p).contains("(400)PO-42"));

        ClassifiedScan badSscc = classify("376104250021234560");
        assertThat(badSscc.kind()).isEqualTo(ScanKind.UNKNOWN);
        assertThat(badSscc.problem()).hasValueSatisfying(p -> assertThat(p).contains("expected 9"));
    }

    @Test
    void reportsWhyAHandTypedBracketedLabelWasRejected() {
        ClassifiedScan wrongCheckDigit = classify("(01)09506000134353(17)261231");
        assertThat(wrongCheckDigit.kind()).isEqualTo(ScanKind.UNKNOWN);
        assertThat(wrongCheckDigit.problem()).hasValueSatisfying(p -> assertThat(p).contains("AI (01)"));

        ClassifiedScan impossibleDate = classify("(01)09506000134352(17)261332");
        assertThat(impossibleDate.kind()).isEqualTo(ScanKind.UNKNOWN);
        assertThat(impossibleDate.problem()).hasValueSatisfying(p -> assertThat(p).contains("AI (17)"));

        assertThat(classify("(hello)").problem()).isEmpty();
    }

    @Test
    void usesTheSitesOwnPatterns() {
        ScanClassifier custom = new ScanClassifier(new ScanPatterns(
                Pattern.compile("LOC\\d{6}"), Pattern.compile("TOTE-\\d+"), Pattern.compile("EMP\\d{4}")));

        assertThat(List.of("LOC010203", "TOTE-9", "EMP0042", "A-03-02-B"))
                .extracting(text -> custom.classify(parser.parse(text)).kind())
                .containsExactly(ScanKind.LOCATION, ScanKind.LPN, ScanKind.BADGE, ScanKind.UNKNOWN);
    }
}
