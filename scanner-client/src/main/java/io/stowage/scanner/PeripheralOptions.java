package io.stowage.scanner;

import io.stowage.scanner.print.LabelDirectory;
import io.stowage.scanner.print.LabelFormat;
import io.stowage.scanner.print.LabelPrinter;
import io.stowage.scanner.print.NetworkPrinter;

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
 */
public record PeripheralOptions(Optional<String> printer, Optional<Path> labelDir, LabelFormat labelFormat) {

    static final String USAGE = """
              --printer HOST[:PORT]    send labels as ZPL to a network label printer (raw TCP, port 9100 by default)
              --label-dir DIR          save labels as files in DIR (PDF, or --label-format png|zpl)
              --label-format FORMAT    pdf (default), png or zpl: the format of the files in --label-dir
            """;

    public static PeripheralOptions none() {
        return new PeripheralOptions(Optional.empty(), Optional.empty(), LabelFormat.PDF);
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
                yield Optional.of(new PeripheralOptions(Optional.of(value), labelDir, labelFormat));
            }
            case "--label-dir" -> Optional.of(new PeripheralOptions(printer, Optional.of(Path.of(value)), labelFormat));
            case "--label-format" -> Optional.of(new PeripheralOptions(printer, labelDir, LabelFormat.parse(value)
                    .orElseThrow(() -> new ClientOptions.BadArguments("--label-format: pdf, png or zpl"))));
            default -> Optional.empty();
        };
    }

    /** Where this device's labels go; {@code timeout} bounds the wait for the printer. */
    public LabelPrinter labelPrinter(Duration timeout) {
        return new LabelPrinter(printer.map(p -> NetworkPrinter.parse(p, timeout)),
                labelDir.map(dir -> new LabelDirectory(dir, labelFormat)));
    }
}
