package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stowage.api.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The terminal UI in a real terminal: the client runs in a tmux pane of a handheld's size (20x16)
 * and of a larger one (40x25), keys are typed into it as a wedge scanner and a worker would, and the
 * test reads the pane back: the screen fills it without spilling, the PIN is masked while typed, a
 * wrong scan is flagged, the function keys work.
 */
@Tag("slow")
class TerminalUiTest extends ApiTest {

    @Autowired
    Environment environment;

    @TempDir
    Path device;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"20, 16", "40, 25"})
    void theHandheldWorksInARealTerminal(int columns, int rows) throws Exception {
        assumeTrue(TmuxPane.installed("tmux"), "tmux is not installed (.ci/run installs it)");
        HandheldFloor floor = HandheldFloor.create(this);
        Path launcher = device.resolve("handheld.sh");
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(launcher, "exec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' io.stowage.scanner.ScannerMain --server http://127.0.0.1:" + environment.getProperty("local.server.port")
                + " --data-dir '" + device.resolve("data") + "' --device RF-TMUX 2>'" + device.resolve("stderr.txt") + "'\n");
        try (TmuxPane pane = TmuxPane.start("ui-" + columns, columns, rows, "sh " + launcher)) {
            List<String> screen = pane.await("Scan your badge");
            assertThat(screen).hasSize(rows).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns));
            assertThat(screen.get(rows - 1)).contains("online");

            pane.type("NOT-A-BADGE", "Enter");
            assertThat(String.join(" ", pane.await("not a badge"))).contains("Scan your badge");

            pane.type(floor.pickerBadge, "Enter");
            pane.await("Enter PIN");
            pane.type("135");
            List<String> typing = pane.await("> ***");
            assertThat(String.join("\n", typing)).doesNotContain("135");
            pane.type("7", "Enter");
            List<String> menu = pane.await("Choose a task");
            assertThat(String.join("\n", menu)).contains("1 Pick", "F10 log out");
            assertThat(menu).hasSize(rows).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns));

            pane.type("F5");
            pane.await("Nothing waiting");
            pane.type("Escape");
            pane.await("Choose a task");
            pane.type("1", "Enter");
            pane.await("Nothing to pick");
            pane.type("Escape");
            pane.await("Choose a task");
            pane.type("F10");
            pane.await("Scan your badge");
            assertThat(Files.readString(device.resolve("stderr.txt"))).doesNotContain("Exception");
        }
    }
}
