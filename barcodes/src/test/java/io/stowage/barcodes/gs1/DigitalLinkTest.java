package io.stowage.barcodes.gs1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigitalLinkTest {

    @Test
    void readsPathQualifiersAndQueryAttributes() {
        ElementString es = ElementString.fromDigitalLink("https://id.gs1.org/01/09506000134352/10/ABC?17=201225");
        assertThat(es.bracketed()).isEqualTo("(01)09506000134352(10)ABC(17)201225");
    }

    @Test
    void roundTripsAnElementString() {
        ElementString es = ElementString.parseBracketed("(01)09506000134352(17)201225(10)ABC/1 2".replace(" ", "%"));
        String uri = es.toDigitalLink("https://id.gs1.org/");
        assertThat(uri).isEqualTo("https://id.gs1.org/01/09506000134352/10/ABC%2F1%252?17=201225");
        assertThat(ElementString.fromDigitalLink(uri).elements()).containsExactlyInAnyOrderElementsOf(es.elements());
    }

    @Test
    void putsQualifiersInTheOrderTheDictionaryRequires() {
        ElementString es = ElementString.parseBracketed("(01)09506000134352(21)12345(10)LOT7(22)CPV1(3103)000500");
        String uri = es.toDigitalLink("https://example.com/brand");
        assertThat(uri).isEqualTo("https://example.com/brand/01/09506000134352/22/CPV1/10/LOT7/21/12345?3103=000500");
        assertThat(ElementString.fromDigitalLink(uri).get("21")).contains("12345");
    }

    @Test
    void roundTripsAnSscc() {
        ElementString es = ElementString.parseBracketed(Sscc.of("7610425002", 3, 123456L).elementString());
        String uri = es.toDigitalLink("https://id.gs1.org");
        assertThat(uri).isEqualTo("https://id.gs1.org/00/376104250021234569");
        assertThat(ElementString.fromDigitalLink(uri)).isEqualTo(es);
    }

    @Test
    void padsShortGtinsAndIgnoresNonAiParameters() {
        ElementString es = ElementString.fromDigitalLink(
                "https://example.com/01/4006381333931?linkType=gs1:pip&17=261231#top");
        assertThat(es.get("01")).contains("04006381333931");
        assertThat(es.get("17")).contains("261231");
    }

    @Test
    void rejectsBadLinks() {
        assertThatThrownBy(() -> ElementString.fromDigitalLink("https://id.gs1.org/01/09506000134352/21/X/10/Y"))
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessageContaining("does not allow in that order");
        assertThatThrownBy(() -> ElementString.fromDigitalLink("https://id.gs1.org/01/09506000134353"))
                .hasMessageContaining("AI (01)");
        assertThatThrownBy(() -> ElementString.fromDigitalLink("https://id.gs1.org/products/abc"))
                .hasMessageContaining("no GS1 Digital Link primary key");
        assertThatThrownBy(() -> ElementString.fromDigitalLink("https://id.gs1.org/01/09506000134352?21=X"))
                .hasMessageContaining("AI (21) SERIAL is not allowed in a Digital Link query string");
        assertThatThrownBy(() -> ElementString.parseBracketed("(10)ABC").toDigitalLink("https://id.gs1.org"))
                .hasMessageContaining("no GS1 Digital Link primary key");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ftp://id.gs1.org/01/09506000134352",
            "javascript://id.gs1.org/01/09506000134352",
            "file:///01/09506000134352",
            "gs1://id.gs1.org/01/09506000134352",
            "https:///01/09506000134352",
    })
    void acceptsOnlyHttpAndHttpsUrisWithAHost(String uri) {
        assertThatThrownBy(() -> ElementString.fromDigitalLink(uri))
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessageContaining(uri);
    }

    @Test
    void acceptsHttpAndHttpsInAnyLetterCase() {
        assertThat(ElementString.fromDigitalLink("http://example.com/01/09506000134352").get("01")).isPresent();
        assertThat(ElementString.fromDigitalLink("HTTPS://example.com/01/09506000134352").get("01")).isPresent();
    }

    @Test
    void refusesABaseUriThatIsNotHttp() {
        assertThatThrownBy(() -> ElementString.parseBracketed("(01)09506000134352").toDigitalLink("ftp://id.gs1.org"))
                .isInstanceOf(InvalidBarcodeException.class);
    }
}
