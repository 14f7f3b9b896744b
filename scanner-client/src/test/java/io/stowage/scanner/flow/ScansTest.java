package io.stowage.scanner.flow;

import io.stowage.scanner.ClientOptions;
import io.stowage.scanner.ScannerMain;
import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.InputReader;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ScansTest {

    private final InputReader reader = reader();

    private static InputReader reader() {
        try {
            return ScannerMain.inputReader(ClientOptions.parse(new String[] {"--server", "http://localhost:8080"}));
        } catch (ClientOptions.BadArguments e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSkuLabelIsTheItemEvenWhenItIsShapedLikeALocationCode() {
        Input sock = reader.line("SOCK-1");

        assertThat(Scans.location(sock)).contains("SOCK-1");
        assertThat(Scans.item(sock, java.util.Optional.of("SOCK-1"))).hasValueSatisfying(item -> assertThat(item.sku()).contains("SOCK-1"));
        assertThat(Scans.item(sock, java.util.Optional.of("SOCK-2"))).isEmpty();
        assertThat(Scans.item(reader.line("sock-1"), java.util.Optional.of("SOCK-1"))).isPresent();
    }

    @Test
    void aGs1LabelGivesGtinLotAndExpiryAndABadOneIsNoItem() {
        Input label = reader.line("]C1010950600013435217261231" + "10LOT-7");

        assertThat(Scans.item(label, java.util.Optional.empty())).hasValueSatisfying(item -> {
            assertThat(item.gtin()).contains("09506000134352");
            assertThat(item.lot()).contains("LOT-7");
            assertThat(item.expiry()).contains(LocalDate.of(2026, 12, 31));
        });
        Input impossibleDate = reader.line("]C1010950600013435217261332");
        assertThat(Scans.item(impossibleDate, java.util.Optional.empty())).isEmpty();
        assertThat(Scans.notA("the item", impossibleDate)).startsWith("Bad label:").contains("(17)");
    }

    @Test
    void quantitiesAndTotesAreReadFromWhatTheKeypadTypes() {
        assertThat(Scans.quantity(reader.line("12"))).contains(12);
        assertThat(Scans.quantity(reader.line("4006381333931"))).isEmpty();
        assertThat(Scans.tote(reader.line("T3"))).contains(3);
        assertThat(Scans.tote(reader.line("tote-12"))).contains(12);
        assertThat(Scans.tote(reader.line("3"))).contains(3);
        assertThat(Scans.tote(reader.line("A-01-01-A"))).isEmpty();
    }
}
