package io.stowage.barcodes.gs1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** parseUnbracketed honours the AIM symbology identifier (ISO/IEC 15424) in front of scanner data. */
class ScannedDataTest {

    private static final char GS = ElementString.GROUP_SEPARATOR;

    @Test
    void anEan13ReadWithABadCheckDigitIsRefusedNotReadAsAiData() {
        // Without the identifier check, "4006381333932" parsed as AI (400) order number "6381333932".
        assertThatThrownBy(() -> ElementString.parseUnbracketed("]E04006381333932"))
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessageContaining("4006381333932")
                .hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @CsvSource({
            "]E04006381333931, (01)04006381333931",      // EAN-13
            "]E00036000291452, (01)00036000291452",      // UPC-A sent as 13 digits
            "]E496385074, (01)00000096385074",           // EAN-8
            "]E3400638133393112, (01)04006381333931",    // EAN-13 + 2-digit add-on
            "]E3400638133393151234, (01)04006381333931", // EAN-13 + 5-digit add-on
            "]E39638507412, (01)00000096385074",         // EAN-8 + 2-digit add-on
            "]I110614141000415, (01)10614141000415",     // ITF-14
    })
    void eanUpcAndItfReadsAreGtinsWithVerifiedCheckDigits(String scan, String elementString) {
        assertThat(ElementString.parseUnbracketed(scan).bracketed()).isEqualTo(elementString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "]E04006381333930",        // EAN-13 check digit
            "]E496385075",             // EAN-8 check digit
            "]E3400638133393212",      // EAN-13 with add-on, check digit of the main symbol
            "]I110614141000416",       // ITF-14 check digit
            "]E0400638133393",         // 12 digits under ]E0
            "]E04006381333931" + "1",  // 14 digits under ]E0
            "]E440063813",             // 9 digits under ]E4
            "]E34006381333931123",     // 16 digits under ]E3
            "]E0400638133393A",        // not digits
    })
    void eanUpcReadsThatAreNotValidGtinsAreRefused(String scan) {
        assertThatThrownBy(() -> ElementString.parseUnbracketed(scan)).isInstanceOf(InvalidBarcodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"]C1", "]e0", "]d2", "]Q3", "]J1"})
    void gs1IdentifiersAreParsedAsElementStrings(String identifier) {
        String scan = identifier + "0109506000134352" + "10ABC123" + GS + "17201225";
        assertThat(ElementString.parseUnbracketed(scan).bracketed())
                .isEqualTo("(01)09506000134352(10)ABC123(17)201225");
    }

    @Test
    void gs1DataUnderAGs1IdentifierIsStillValidated() {
        assertThatThrownBy(() -> ElementString.parseUnbracketed("]d2" + "0109506000134353"))
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessageContaining("(01)");
    }

    @ParameterizedTest
    @CsvSource({
            "]A0ABC-123, ]A0",       // Code 39
            "]C0LOC-A-01-02, ]C0",   // Code 128 without FNC1
            "]Q1https://x.example, ]Q1", // plain QR
            "]d1PLAIN, ]d1",         // plain DataMatrix
            "]E112, ]E1",            // 2-digit add-on alone
            "]E251234, ]E2",         // 5-digit add-on alone
            "]d5\\0000260109506000134352, ]d5", // GS1 DataMatrix with ECI escapes
            "]X0whatever, ]X0",
    })
    void otherIdentifiersAreRefusedWithATypedError(String scan, String identifier) {
        assertThatThrownBy(() -> ElementString.parseUnbracketed(scan))
                .isInstanceOf(UnsupportedSymbologyException.class)
                .hasMessageContaining(identifier)
                .asInstanceOf(type(UnsupportedSymbologyException.class))
                .extracting(UnsupportedSymbologyException::symbologyIdentifier)
                .isEqualTo(identifier);
    }

    @Test
    void anIncompleteIdentifierIsRefused() {
        assertThatThrownBy(() -> ElementString.parseUnbracketed("]C"))
                .isInstanceOf(UnsupportedSymbologyException.class)
                .hasMessageContaining("incomplete");
    }

    @Test
    void dataWithoutAnIdentifierIsStillReadAsAiData() {
        assertThat(ElementString.parseUnbracketed("0109506000134352").bracketed()).isEqualTo("(01)09506000134352");
    }
}
