package io.stowage.scanner;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The command line.
 *
 * @param script  {@code --script FILE}, or {@code -} for standard input; empty for the terminal UI
 * @param dataDir where the offline queue and the device's id are kept
 * @param size    columns and rows of the screens printed in scripted mode
 */
public record ClientOptions(URI server, Optional<String> script, Path dataDir, Optional<String> deviceId, int[] size,
                            Optional<String> fnc1, Duration timeout, Optional<Pattern> locationPattern,
                            PeripheralOptions peripherals) {

    public static final String USAGE = """
            Usage: java -jar scanner-client-<version>-all.jar --server URL [options]
              --server URL             the Stowage service, e.g. http://localhost:8080
              --script FILE            scripted mode: read scans and keys from FILE (- for standard input),
                                       print every screen; without it, the terminal UI
              --data-dir DIR           offline queue and device id (default ~/.stowage-scanner)
              --device ID              this device's id (default: kept in the data dir, RF-<random>)
              --size COLSxROWS         screen size in scripted mode (default 20x16)
              --fnc1 TEXT              what the scanner types for FNC1 when it cannot send ASCII 29
              --timeout SECONDS        how long to wait for the service (default 5)
              --location-pattern REGEX the site's location codes (default A-03-02-B and DOCK-1 shapes)
            """ + PeripheralOptions.USAGE;

    /** Thrown for a command line that cannot be used; the message is for the user. */
    public static final class BadArguments extends Exception {
        public BadArguments(String message) {
            super(message);
        }
    }

    public static ClientOptions parse(String[] args) throws BadArguments {
        URI server = null;
        Optional<String> script = Optional.empty();
        Path dataDir = Path.of(System.getProperty("user.home"), ".stowage-scanner");
        Optional<String> device = Optional.empty();
        int[] size = {20, 16};
        Optional<String> fnc1 = Optional.empty();
        Duration timeout = Duration.ofSeconds(5);
        Optional<Pattern> locations = Optional.empty();
        PeripheralOptions peripherals = PeripheralOptions.none();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new BadArguments("");
            }
            if (i + 1 >= args.length) {
                throw new BadArguments(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--server" -> {
                    try {
                        server = URI.create(value);
                    } catch (IllegalArgumentException e) {
                        throw new BadArguments("--server: " + value + " is not a URL");
                    }
                    if (!"http".equals(server.getScheme()) && !"https".equals(server.getScheme()) || server.getHost() == null) {
                        throw new BadArguments("--server: " + value + " is not an http(s) URL such as http://localhost:8080");
                    }
                }
                case "--script" -> script = Optional.of(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--device" -> device = Optional.of(value);
                case "--size" -> {
                    if (!value.matches("\\d{2,3}x\\d{1,3}")) {
                        throw new BadArguments("--size: write it as 20x16");
                    }
                    String[] parts = value.split("x");
                    size = new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
                    if (size[0] < 20 || size[1] < 16) {
                        throw new BadArguments("--size: the screens need at least 20x16");
                    }
                }
                case "--fnc1" -> fnc1 = Optional.of(value);
                case "--timeout" -> {
                    if (!value.matches("\\d{1,3}") || Integer.parseInt(value) == 0) {
                        throw new BadArguments("--timeout: seconds, 1 to 999");
                    }
                    timeout = Duration.ofSeconds(Integer.parseInt(value));
                }
                case "--location-pattern" -> {
                    try {
                        locations = Optional.of(Pattern.compile(value, Pattern.CASE_INSENSITIVE));
                    } catch (PatternSyntaxException e) {
                        throw new BadArguments("--location-pattern: " + e.getDescription());
                    }
                }
                default -> peripherals = peripherals.with(name, value).orElseThrow(() -> new BadArguments("Unknown option " + name));
            }
        }
        if (server == null) {
            throw new BadArguments("--server URL is required");
        }
        return new ClientOptions(server, script, dataDir, device, size, fnc1, timeout, locations, peripherals);
    }
}
