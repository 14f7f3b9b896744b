package io.stowage.scanner.ssh;

import io.stowage.scanner.ClientOptions;
import io.stowage.scanner.ScannerMain;
import io.stowage.scanner.console.TerminalSession;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.stowage.scanner.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SSH server with Apache MINA SSHD's own client in the place of a handheld's terminal app: each
 * device name gets the log-in screen in its pseudo-terminal, a second session of the same device
 * replaces the first, and the host key is the same after a restart. (The OpenSSH client in a real
 * terminal is wms-api's HandheldSshTest.)
 */
class HandheldSshServerTest {

    @TempDir
    Path data;

    private SshClient client;
    private final List<PublicKey> serverKeys = new CopyOnWriteArrayList<>();
    private HandheldSshServer server;

    @BeforeEach
    void startClient() {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) -> serverKeys.add(key));
        client.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        client.stop();
    }

    private HandheldSshServer start() throws Exception {
        String service;
        try (ServerSocket unused = new ServerSocket(0)) {
            service = "http://127.0.0.1:" + unused.getLocalPort();
        }
        ClientOptions options = ClientOptions.parse(new String[] {"--server", service, "--data-dir", data.toString(), "--timeout", "1"});
        return HandheldSshServer.start(0, data.resolve("ssh-host-key"),
                device -> ScannerMain.handheld(options, data.resolve("devices").resolve(device), device),
                (terminal, handheld) -> new TerminalSession(terminal, handheld, ScannerMain.inputReader(options)).run());
    }

    /** A device's session: its shell in a 20x16 pseudo-terminal and everything the server drew. */
    private record Device(ClientSession session, ChannelShell shell, ByteArrayOutputStream screen) {
        String shown() {
            return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", " ").replaceAll("\\s+", " ");
        }

        void type(String text) throws Exception {
            shell.getInvertedIn().write(text.getBytes(StandardCharsets.UTF_8));
            shell.getInvertedIn().flush();
        }
    }

    private Device connect(String device) throws Exception {
        ClientSession session = client.connect(device, "127.0.0.1", server.port()).verify(Duration.ofSeconds(10)).getSession();
        session.auth().verify(Duration.ofSeconds(10));
        ChannelShell shell = session.createShellChannel();
        shell.setPtyType("xterm");
        shell.setPtyColumns(20);
        shell.setPtyLines(16);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        shell.setOut(screen);
        shell.setErr(screen);
        shell.open().verify(Duration.ofSeconds(10));
        return new Device(session, shell, screen);
    }

    @Test
    void eachDeviceGetsItsOwnLogInScreenAndNoPasswordIsAsked() throws Exception {
        server = start();
        Device rf = connect("RF-07");

        await(() -> rf.shown().contains("Scan your badge"));
        rf.type("B1042\r");
        await(() -> rf.shown().contains("Enter PIN"));
        rf.type("1234");
        await(() -> rf.shown().contains("> ****"));
        assertThat(rf.shown()).doesNotContain("1234");
        rf.type("\r");
        await(() -> rf.shown().contains("Cannot log in"));
        assertThat(server.devices()).containsExactly("RF-07");
        assertThat(data.resolve("devices/RF-07/queue")).isDirectory();
        rf.session().close();
    }

    @Test
    void aDeviceCannotReadTheServersFilesAsPhotos() throws Exception {
        server = start();
        Path badge = data.resolve("badge.png");
        Files.write(badge, io.stowage.barcodes.render.BarcodeRenderer.renderPng(io.stowage.barcodes.render.Symbology.CODE_128, "B1042", 400, 120));
        Device rf = connect("RF-10");
        await(() -> rf.shown().contains("Scan your badge"));

        rf.type("<IMAGE " + badge + ">\r");

        await(() -> rf.shown().contains("not a badge"));
        assertThat(rf.shown()).doesNotContain("Enter PIN");
        rf.session().close();
    }

    @Test
    void aDeviceThatConnectsAgainReplacesItsOldSession() throws Exception {
        server = start();
        Device first = connect("RF-08");
        await(() -> first.shown().contains("Scan your badge"));

        Device second = connect("RF-08");
        await(() -> second.shown().contains("Scan your badge"));

        assertThat(first.shell().waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(10))).contains(ClientChannelEvent.CLOSED);
        assertThat(second.shell().isOpen()).isTrue();
        assertThat(server.devices()).containsExactly("RF-08");
        second.session().close();
    }

    @Test
    void aNameThatIsNoDeviceNameIsToldHowToConnect() throws Exception {
        server = start();
        Device stranger = connect("../etc");
        await(() -> stranger.shown().contains("Connect as this device's name"));
        assertThat(stranger.shell().waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(10))).contains(ClientChannelEvent.CLOSED);
        assertThat(data.resolve("devices")).doesNotExist();
    }

    @Test
    void theHostKeyIsKeptOnDiskAcrossRestarts() throws Exception {
        server = start();
        connect("RF-09").session().close();
        byte[] kept = Files.readAllBytes(data.resolve("ssh-host-key"));
        server.close();

        server = start();
        connect("RF-09").session().close();

        assertThat(Files.readAllBytes(data.resolve("ssh-host-key"))).isEqualTo(kept);
        assertThat(serverKeys).hasSize(2);
        assertThat(serverKeys.get(1)).isEqualTo(serverKeys.get(0));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("ssh-host-key"))))
                .isEqualTo("rw-------");
    }
}
