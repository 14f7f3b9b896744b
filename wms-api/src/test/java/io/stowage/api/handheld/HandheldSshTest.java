package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stowage.api.support.ApiTest;
import io.stowage.scanner.ClientOptions;
import io.stowage.scanner.ScannerMain;
import io.stowage.scanner.console.TerminalSession;
import io.stowage.scanner.ssh.HandheldSshServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The handheld over SSH as a warehouse terminal uses it: the OpenSSH client in a tmux pane of a
 * handheld's size (20x16) connects as the device, asks for no password, and the device's own
 * screen logs the worker in with badge and PIN against the real service; the menu fits the pane,
 * and when the pane is resized (tmux resize-window) the screen is laid out again for the new size.
 */
@Tag("slow")
class HandheldSshTest extends ApiTest {

    @Autowired
    Environment environment;

    @TempDir
    Path data;

    @Test
    void aHandheldLogsInOverSshSeesItsMenuAndFollowsItsWindowSize() throws Exception {
        assumeTrue(TmuxPane.installed("tmux"), "tmux is not installed (.ci/run installs it)");
        assumeTrue(TmuxPane.installed("ssh"), "the OpenSSH client is not installed (.ci/run installs openssh-client)");
        HandheldFloor floor = HandheldFloor.create(this);
        ClientOptions options = ClientOptions.parse(new String[] {"--server", "http://127.0.0.1:" + environment.getProperty("local.server.port"),
                "--data-dir", data.toString(), "--timeout", "5"});
        String device = "RF-SSH-" + ProcessHandle.current().pid();
        try (HandheldSshServer server = HandheldSshServer.start(0, data.resolve("ssh-host-key"),
                name -> ScannerMain.handheld(options, data.resolve("devices").resolve(name), name),
                (terminal, handheld) -> new TerminalSession(terminal, handheld, ScannerMain.inputReader(options)).run())) {
            String ssh = "ssh -tt -p " + server.port() + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
                    + " -o PreferredAuthentications=none,keyboard-interactive -o BatchMode=no " + device + "@127.0.0.1";
            try (TmuxPane pane = TmuxPane.start("ssh", 20, 16, ssh + "; sleep 30")) {
                List<String> screen = pane.await("Scan your badge");
                assertThat(screen).hasSize(16).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(20));
                assertThat(String.join(" ", screen)).doesNotContainIgnoringCase("password");

                pane.type(floor.pickerBadge, "Enter");
                pane.await("Enter PIN");
                pane.type(HandheldFloor.PICKER_PIN);
                assertThat(String.join("\n", pane.await("> ****"))).doesNotContain(HandheldFloor.PICKER_PIN);
                pane.type("Enter");
                List<String> menu = pane.awaitScreen(lines -> String.join("\n", lines).contains("Choose a task")
                        && String.join("\n", lines).contains("F10 log out"));
                assertThat(String.join("\n", menu)).contains("1 Pick", "F10 log out");
                assertThat(menu).hasSize(16).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(20));
                assertThat(server.devices()).containsExactly(device);

                // The device's window grows (a terminal app turned to landscape): the same screen is laid out again in the room it has.
                pane.resize(40, 25);
                // Read once the terminal has drawn the whole screen again: tmux shows the old lines until the new ones arrive.
                List<String> wide = pane.awaitScreen(lines -> lines.size() == 25 && lines.get(24).contains("online")
                        && String.join("\n", lines).contains("Choose a task") && lines.stream().anyMatch(line -> line.strip().length() > 20));
                assertThat(String.join("\n", wide)).contains("1 Pick", "F10 log out");
                assertThat(wide).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));

                pane.resize(20, 16);
                List<String> narrow = pane.awaitScreen(lines -> lines.size() == 16 && lines.get(15).contains("online")
                        && String.join("\n", lines).contains("Choose a task"));
                assertThat(narrow).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(20));
                assertThat(String.join("\n", narrow)).contains("1 Pick");

                pane.type("F10");
                pane.await("Scan your badge");
                assertThat(data.resolve("devices").resolve(device).resolve("queue")).isDirectory();
            }
        }
    }
}
