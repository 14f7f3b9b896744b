package io.stowage.scanner.input;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyboardWedgeTest {

    private static final char GS = '\u001d';

    @Test
    void completesAScanWhenTheSuffixArrives() {
        KeyboardWedge wedge = new KeyboardWedge(WedgeSettings.defaults());

        assertThat(wedge.type("A-03-")).isEmpty();
        assertThat(wedge.pending()).isEqualTo("A-03-");
        assertThat(wedge.type("02-B\r")).singleElement()
                .satisfies(scan -> assertThat(scan.raw()).isEqualTo("A-03-02-B"));
        assertThat(wedge.pending()).isEmpty();
    }

    @Test
    void splitsABurstIntoScansAndIgnoresEmptyOnes() {
        KeyboardWedge wedge = new KeyboardWedge(WedgeSettings.defaults());

        assertThat(wedge.type("LPN42\r\nB1042\t\n\r]E04006381333931\nA-0"))
                .extracting(Scan::raw)
                .containsExactly("LPN42", "B1042", "4006381333931");
        assertThat(wedge.pending()).isEqualTo("A-0");
        wedge.clear();
        assertThat(wedge.pending()).isEmpty();
    }

    @Test
    void handlesCrLfSplitAcrossBursts() {
        KeyboardWedge wedge = new KeyboardWedge(WedgeSettings.defaults());

        assertThat(wedge.type("LPN1\r")).extracting(Scan::raw).containsExactly("LPN1");
        assertThat(wedge.type("\nLPN2\r")).extracting(Scan::raw).containsExactly("LPN2");
    }

    @Test
    void readsGs1DataTypedWithACustomSuffixAndFnc1Substitute() {
        WedgeSettings settings = new WedgeSettings(java.util.List.of("#"), java.util.Optional.of("^]"));
        KeyboardWedge wedge = new KeyboardWedge(settings);

        Scan scan = wedge.type("]C10109506000134352" + "10ABC^]17201225#").get(0);

        assertThat(scan.symbology()).isEqualTo(Symbology.GS1_128);
        assertThat(scan.raw()).isEqualTo("0109506000134352" + "10ABC" + GS + "17201225");
        assertThat(scan.gs1()).hasValueSatisfying(es ->
                assertThat(es.bracketed()).isEqualTo("(01)09506000134352(10)ABC(17)201225"));
    }
}
