package io.stowage.scanner.screen;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenTextTest {

    private static Frame frame(Screen screen, Optional<Notice> notice) {
        return new Frame(screen, notice, "OFFLINE 3 to send B1002", true);
    }

    @Test
    void fillsAHandheldScreenExactlyWithoutSpilling() {
        Screen screen = Screen.of("PICK 2/5", "Go to A-03-02-B", List.of("TEE-M-NAVY lot L-2026-11-30-XYZ", "Qty 3  Tote 1"), "F3 skip  Esc menu");

        List<String> lines = ScreenText.lines(frame(screen, Optional.empty()), 20, 16);

        assertThat(lines).hasSize(16).allSatisfy(line -> assertThat(line).hasSize(20));
        assertThat(lines.get(0)).startsWith("PICK 2/5");
        assertThat(lines.get(1)).startsWith("Go to A-03-02-B");
        assertThat(lines.get(15)).isEqualTo("OFFLINE 3 to send B1");
        assertThat(String.join("|", lines)).contains("TEE-M-NAVY lot", "Qty 3 Tote 1", "F3 skip Esc menu");
    }

    @Test
    void cutsAWordLongerThanTheScreenInsteadOfSpillingIt() {
        Screen screen = Screen.of("T", "Scan 0123456789012345678901234567", List.of(), "");

        List<String> lines = ScreenText.lines(frame(screen, Optional.empty()), 20, 16);

        assertThat(lines.get(1)).isEqualTo("Scan                ");
        assertThat(lines.get(2)).isEqualTo("01234567890123456789");
        assertThat(lines.get(3)).startsWith("01234567");
    }

    @Test
    void theNoticeAndTheInstructionWinOverContextWhenTheScreenIsFull() {
        List<String> context = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "context line " + i).toList();
        Screen screen = Screen.of("COUNT", "Scan every item", context, "Enter done");
        Notice notice = Notice.error("Wrong location A-01-01-A: go to A-03-02-B");

        List<String> lines = ScreenText.lines(frame(screen, Optional.of(notice)), 20, 16);

        assertThat(lines).hasSize(16);
        assertThat(String.join(" ", lines.stream().map(String::strip).toList())).contains("Scan every item", "! Wrong location", "go to A-03-02-B", "Enter done")
                .contains("context line 0").doesNotContain("context line 29");
    }

    @Test
    void usesTheRoomOfALargerTerminal() {
        Screen screen = Screen.of("RECEIVE", "Qty 6: scan more or type, Enter", List.of("GTIN 04006381333931"), "Esc back");

        List<String> lines = ScreenText.lines(frame(screen, Optional.empty()), 40, 25);

        assertThat(lines).hasSize(25).allSatisfy(line -> assertThat(line).hasSize(40));
        assertThat(lines.get(1).strip()).isEqualTo("Qty 6: scan more or type, Enter");
        assertThat(lines.get(24).strip()).isEqualTo("OFFLINE 3 to send B1002");
    }

    @Test
    void controlCharactersFromAScanNeverReachTheTerminal() {
        Screen screen = Screen.of("T", "Scan item", List.of("bad \u001b[2J label \u0007"), "");

        assertThat(String.join("", ScreenText.lines(frame(screen, Optional.empty()), 20, 16))).doesNotContainPattern("\\p{Cntrl}");
    }
}
