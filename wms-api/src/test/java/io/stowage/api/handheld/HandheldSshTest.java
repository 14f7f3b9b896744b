package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.scanner.ClientOptions;
import io.stowage.scanner.ScannerMain;
import io.stowage.scanner.console.TerminalSession;
import io.stowage.scanner.ssh.HandheldSshServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The handheld over SSH as a warehouse terminal uses it: the OpenSSH client in a tmux pane of a
 * handheld's size (20x16) connects as the device, asks for no password, and the device's own
 * screen logs the worker in with badge and PIN against the real service; the menu fits the pane.
 */
@Tag("slow")
class HandheldSshTest extends ApiTest {

    @Autowired
    Environment environment;

    @TempDir
    Path data;

    @Test
    void aHandheldLogsInOverSshAndSeesItsMenu() throws Exception {
        assumeTrue(onPath("tmux"), "tmux is not installed (.ci/run installs it)");
        assumeTrue(onPath("ssh"), "the OpenSSH client is not installed (.ci/run installs openssh-client)");
        HandheldFloor floor = HandheldFloor.create(this);
        ClientOptions options = ClientOptions.parse(new String[] {"--server", "http://127.0.0.1:" + environment.getProperty("local.server.port"),
                "--data-dir", data.toString(), "--timeout", "5"});
        String device = "RF-SSH-" + ProcessHandle.current().pid();
        String socket = "stowage-ssh-" + ProcessHandle.current().pid();
        try (HandheldSshServer server = HandheldSshServer.start(0, data.resolve("ssh-host-key"),
                name -> ScannerMain.handheld(options, data.resolve("devices").resolve(name), name),
                (terminal, handheld) -> new TerminalSession(terminal, handheld, ScannerMain.inputReader(options)).run())) {
            String ssh = "ssh -tt -p " + server.port() + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
                    + " -o PreferredAuthentications=none,keyboard-interactive -o BatchMode=no " + device + "@127.0.0.1";
            tmux(socket, "new-session", "-d", "-s", "rf", "-x", "20", "-y", "16", ssh + "; sleep 30");
            try {
                List<String> screen = await(socket, "Scan your badge");
                assertThat(screen).hasSize(16).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(20));
                assertThat(String.join(" ", screen)).doesNotContainIgnoringCase("password");

                type(socket, floor.pickerBadge, "Enter");
                await(socket, "Enter PIN");
                type(socket, HandheldFloor.PICKER_PIN);
                assertThat(String.join("\n", await(socket, "> ****"))).doesNotContain(HandheldFloor.PICKER_PIN);
                type(socket, "Enter");
                List<String> menu = await(socket, "Choose a task");
                assertThat(String.join("\n", menu)).contains("1 Pick", "F10 log out");
                assertThat(menu).hasSize(16).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(20));
                assertThat(server.devices()).containsExactly(device);

                type(socket, "F10");
                await(socket, "Scan your badge");
                assertThat(data.resolve("devices").resolve(device).resolve("queue")).isDirectory();
            } finally {
                tmux(socket, "kill-server");
            }
        }
    }

    /** Waits until the pane shows the text (read across the lines it was wrapped over); returns the pane's lines. */
    private static List<String> await(String socket, String text) {
        return Eventually.until(() -> capture(socket),
                lines -> String.join(" ", lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList()).contains(text));
    }

    private static List<String> capture(String socket) {
        String[] lines = tmux(socket, "capture-pane", "-p", "-t", "rf").split("\n", -1);
        return new ArrayList<>(Arrays.asList(lines).subList(0, Math.max(0, lines.length - 1)));
    }

    private static void type(String socket, String... keys) {
        List<String> arguments = new ArrayList<>(List.of("send-keys", "-t", "rf"));
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
