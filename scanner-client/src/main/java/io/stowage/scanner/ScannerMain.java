package io.stowage.scanner;

import io.stowage.scanner.camera.ImageDecoder;
import io.stowage.scanner.camera.ImageFeed;
import io.stowage.scanner.camera.ImageInbox;
import io.stowage.scanner.console.InputReader;
import io.stowage.scanner.console.ScriptSession;
import io.stowage.scanner.console.TerminalSession;
import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.input.KeyboardWedge;
import io.stowage.scanner.input.ScanClassifier;
import io.stowage.scanner.input.ScanPatterns;
import io.stowage.scanner.input.WedgeSettings;
import io.stowage.scanner.offline.Outbox;
import io.stowage.scanner.service.WmsClient;
import io.stowage.scanner.ssh.HandheldSshServer;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code java -jar scanner-client-<version>-all.jar --server URL}: the handheld in this terminal,
 * or with {@code --script FILE} (or {@code -}) the scripted mode that prints every screen.
 * A seam for other front ends (an SSH server, a camera feeding scans): build a {@link Handheld}
 * with {@link #handheld} and drive it with {@link InputReader} inputs, as the two sessions here do.
 */
public final class ScannerMain {

    private ScannerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the client; returns the process's exit code (0 done, 1 failed to start, 2 bad arguments). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        ClientOptions options;
        try {
            options = ClientOptions.parse(args);
        } catch (ClientOptions.BadArguments e) {
            if (e.getMessage().isEmpty()) {
                out.print(ClientOptions.USAGE);
                return 0;
            }
            err.println(e.getMessage());
            err.print(ClientOptions.USAGE);
            return 2;
        }
        if (options.peripherals().sshPort().isPresent()) {
            if (options.script().isPresent()) {
                err.println("--ssh-port serves terminals, --script reads a script: choose one");
                return 2;
            }
            return serveSsh(options, out, err);
        }
        Handheld handheld;
        try {
            handheld = handheld(options);
        } catch (RuntimeException e) {
            err.println("Cannot start: " + e.getMessage());
            return 1;
        }
        InputReader inputs = inputReader(options);
        try {
            if (options.script().isPresent()) {
                String script = options.script().get();
                InputStream source = script.equals("-") ? in : Files.newInputStream(Path.of(script));
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8))) {
                    new ScriptSession(handheld, inputs, out, options.size()[0], options.size()[1], imageFeed(options, inputs)).run(reader);
                }
                return 0;
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).name("Stowage scanner").build()) {
                new TerminalSession(terminal, handheld, inputs, imageFeed(options, inputs)).run();
            }
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("Stopped: " + e.getMessage() + " (the queue is safe in " + options.dataDir() + ")");
            return 1;
        }
    }

    /** The device with its queue and the service, ready to be driven by a terminal, a script or another front end. */
    public static Handheld handheld(ClientOptions options) {
        return handheld(options, options.dataDir(), options.deviceId().orElseGet(() -> deviceId(options.dataDir())));
    }

    /** One device's handheld with its own data directory (queue, log) and id, as each SSH device has. */
    public static Handheld handheld(ClientOptions options, Path data, String device) {
        Outbox outbox = new Outbox(data.resolve("queue"));
        Floor floor = new Floor(new WmsClient(options.server(), options.timeout()), outbox, device, Clock.systemUTC(),
                options.peripherals().labelPrinter(options.timeout()));
        return new Handheld(floor, errorLog(data.resolve("client.log")));
    }

    public static InputReader inputReader(ClientOptions options) {
        WedgeSettings wedge = options.fnc1().map(WedgeSettings.defaults()::withFnc1Substitute).orElse(WedgeSettings.defaults());
        ScanPatterns defaults = ScanPatterns.defaults();
        Pattern locations = options.locationPattern().orElse(Pattern.compile(
                defaults.location().pattern() + "|[A-Z]{2,8}-\\d{1,3}", Pattern.CASE_INSENSITIVE));
        return new InputReader(new KeyboardWedge(wedge), new ScanClassifier(new ScanPatterns(locations, defaults.lpn(), defaults.badge())));
    }

    /** {@code --ssh-port}: every device that connects gets these screens; runs until the process is stopped. */
    private static int serveSsh(ClientOptions options, PrintStream out, PrintStream err) {
        Path hostKey = options.peripherals().sshHostKey().orElse(options.dataDir().resolve("ssh-host-key"));
        Path devices = options.dataDir().resolve("devices");
        HandheldSshServer server;
        try {
            server = HandheldSshServer.start(options.peripherals().sshPort().get(), hostKey,
                    device -> handheld(options, devices.resolve(device), device),
                    (terminal, handheld) -> new TerminalSession(terminal, handheld, inputReader(options)).run());
        } catch (RuntimeException e) {
            err.println("Cannot start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ssh-shutdown"));
        out.println("Serving the handheld over SSH on port " + server.port() + ": ssh RF-01@<this host> -p " + server.port()
                + " (host key " + hostKey + ", devices' queues in " + devices + ")");
        out.flush();
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        return 0;
    }

    /** Photos as scans: {@code --images FILE|DIR} and {@code <IMAGE path>} lines, through the same input layer as the wedge. */
    public static ImageFeed imageFeed(ClientOptions options, InputReader inputs) {
        ImageDecoder decoder = new ImageDecoder();
        return new ImageFeed(decoder, inputs, options.peripherals().images().map(source -> new ImageInbox(source, decoder, Clock.systemUTC())));
    }

    /** The device keeps one id across restarts, so its Idempotency-Keys and the ledger's device column stay its own. */
    private static String deviceId(Path data) {
        Path file = data.resolve("device-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String id = "RF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            Files.createDirectories(data);
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the device id in " + file, e);
        }
    }

    /** Details of what went wrong on the device go to its log file, never to the worker's screen. */
    private static Consumer<Throwable> errorLog(Path file) {
        return problem -> {
            StringWriter trace = new StringWriter();
            problem.printStackTrace(new PrintWriter(trace));
            try {
                Files.writeString(file, Instant.now() + " " + trace + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // The log is for support; the worker's screen already says what failed.
            }
        };
    }
}
