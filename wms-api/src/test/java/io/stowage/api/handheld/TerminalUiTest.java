package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")) || onPath("tmux"), "tmux is not installed (.ci/run installs it)");
        HandheldFloor floor = HandheldFloor.create(this);
        String socket = "stowage-hh-" + ProcessHandle.current().pid() + "-" + columns;
        Path launcher = device.resolve("handheld.sh");
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(launcher, "exec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' io.stowage.scanner.ScannerMain --server http://127.0.0.1:" + environment.getProperty("local.server.port")
                + " --data-dir '" + device.resolve("data") + "' --device RF-TMUX 2>'" + device.resolve("stderr.txt") + "'\n");
        tmux(socket, "new-session", "-d", "-s", "hh", "-x", String.valueOf(columns), "-y", String.valueOf(rows), "sh " + launcher);
        try {
            List<String> screen = await(socket, "Scan your badge");
            assertThat(screen).hasSize(rows).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns));
            assertThat(screen.get(rows - 1)).contains("online");

            type(socket, "NOT-A-BADGE", "Enter");
            assertThat(String.join(" ", await(socket, "not a badge"))).contains("Scan your badge");

            type(socket, floor.pickerBadge, "Enter");
            await(socket, "Enter PIN");
            type(socket, "135");
            List<String> typing = await(socket, "> ***");
            assertThat(String.join("\n", typing)).doesNotContain("135");
            type(socket, "7", "Enter");
            List<String> menu = await(socket, "Choose a task");
            assertThat(String.join("\n", menu)).contains("1 Pick", "F10 log out");
            assertThat(menu).hasSize(rows).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns));

            type(socket, "F5");
            await(socket, "Nothing waiting");
            type(socket, "Escape");
            await(socket, "Choose a task");
            type(socket, "1", "Enter");
            await(socket, "Nothing to pick");
            type(socket, "Escape");
            await(socket, "Choose a task");
            type(socket, "F10");
            await(socket, "Scan your badge");
            assertThat(Files.readString(device.resolve("stderr.txt"))).doesNotContain("Exception");
        } finally {
            tmux(socket, "kill-server");
        }
    }

    /** Waits until the pane shows the text (read across the lines it was wrapped over); returns the pane's lines. */
    private static List<String> await(String socket, String text) {
        return Eventually.until(() -> capture(socket),
                lines -> String.join(" ", lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList()).contains(text));
    }

    private static List<String> capture(String socket) {
        String pane = tmux(socket, "capture-pane", "-p", "-t", "hh");
        return new ArrayList<>(Arrays.asList(pane.split("\n", -1)).subList(0, Math.max(0, pane.split("\n", -1).length - 1)));
    }

    private static void type(String socket, String... keys) {
        List<String> arguments = new ArrayList<>(List.of("send-keys", "-t", "hh"));
        arguments.addAll(List.of(keys));
        tmux(socket, arguments.toArray(String[]::new));
    }

    private static String tmux(String socket, String... arguments) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return output;
        } catch (IOException e) {
            throw new AssertionError("tmux " + String.join(" ", arguments) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
