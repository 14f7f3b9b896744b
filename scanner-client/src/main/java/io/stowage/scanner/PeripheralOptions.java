package io.stowage.scanner;

import io.stowage.scanner.print.LabelDirectory;
import io.stowage.scanner.print.LabelFormat;
import io.stowage.scanner.print.LabelPrinter;
import io.stowage.scanner.print.NetworkPrinter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The options for what the device is connected to besides the service: where labels go.
 * Kept apart from {@link ClientOptions} so each part of the command line stays small.
 *
 * @param printer     {@code --printer HOST[:PORT]}: a ZPL printer's raw TCP port (9100 by default)
 * @param labelDir    {@code --label-dir DIR}: labels saved as files
 * @param labelFormat {@code --label-format pdf|png|zpl}: the files' format (PDF by default)
 * @param images      {@code --images FILE|DIR}: photos of barcodes read as scans (a directory is watched)
 * @param sshPort     {@code --ssh-port PORT}: serve the screens over SSH instead of this terminal
 * @param sshHostKey  {@code --ssh-host-key FILE}: where the SSH host key is kept (default: in the data dir)
 */
public record PeripheralOptions(Optional<String> printer, Optional<Path> labelDir, LabelFormat labelFormat, Optional<Path> images,
                                Optional<Integer> sshPort, Optional<Path> sshHostKey) {

    static final String USAGE = """
              --printer HOST[:PORT]    send labels as ZPL to a network label printer (raw TCP, port 9100 by default)
              --label-dir DIR          save labels as files in DIR (PDF, or --label-format png|zpl)
              --label-format FORMAT    pdf (default), png or zpl: the format of the files in --label-dir
              --images FILE|DIR        read barcodes from a photo, or from every photo put into DIR (read ones move
                                       to DIR/read); a line <IMAGE path> reads one photo too
              --ssh-port PORT          serve these screens over SSH to handhelds' terminal apps (ssh RF-07@host -p PORT);
                                       each device logs in with badge and PIN on its own screen
              --ssh-host-key FILE      the SSH host key, made on first start (default <data-dir>/ssh-host-key)
            """;

    public static PeripheralOptions none() {
        return new PeripheralOptions(Optional.empty(), Optional.empty(), LabelFormat.PDF, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This with one more option; empty when {@code name} is not one of these options. */
    Optional<PeripheralOptions> with(String name, String value) throws ClientOptions.BadArguments {
        return switch (name) {
            case "--printer" -> {
                try {
                    NetworkPrinter.parse(value, Duration.ofSeconds(1));
                } catch (IllegalArgumentException e) {
                    throw new ClientOptions.BadArguments("--printer: " + e.getMessage());
                }
                yield Optional.of(new PeripheralOptions(Optional.of(value), labelDir, labelFormat, images, sshPort, sshHostKey));
            }
            case "--label-dir" -> Optional.of(new PeripheralOptions(printer, Optional.of(Path.of(value)), labelFormat, images, sshPort, sshHostKey));
            case "--label-format" -> Optional.of(new PeripheralOptions(printer, labelDir, LabelFormat.parse(value)
                    .orElseThrow(() -> new ClientOptions.BadArguments("--label-format: pdf, png or zpl")), images, sshPort, sshHostKey));
            case "--images" -> {
                if (!Files.exists(Path.of(value))) {
                    throw new ClientOptions.BadArguments("--images: no file or directory " + value);
                }
                yield Optional.of(new PeripheralOptions(printer, labelDir, labelFormat, Optional.of(Path.of(value)), sshPort, sshHostKey));
            }
            case "--ssh-port" -> {
                if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > 65_535) {
                    throw new ClientOptions.BadArguments("--ssh-port: a port from 0 (any free one) to 65535");
                }
                yield Optional.of(new PeripheralOptions(printer, labelDir, labelFormat, images, Optional.of(Integer.parseInt(value)), sshHostKey));
            }
            case "--ssh-host-key" -> Optional.of(new PeripheralOptions(printer, labelDir, labelFormat, images, sshPort, Optional.of(Path.of(value))));
            default -> Optional.empty();
        };
    }

    /** Where this device's labels go; {@code timeout} bounds the wait for the printer. */
    public LabelPrinter labelPrinter(Duration timeout) {
        return new LabelPrinter(printer.map(p -> NetworkPrinter.parse(p, timeout)),
                labelDir.map(dir -> new LabelDirectory(dir, labelFormat)));
    }
}
