package io.stowage.scanner.print;

import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.flow.Next;
import io.stowage.scanner.service.Download;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The "print label" action of any flow where a label exists (a packed carton, a shipment): reads
 * the label from the service (every read after the first is a reprint of the same label, nothing
 * bought again) and sends it where this device is set up to put labels: ZPL to a network printer
 * ({@code --printer host:port}), a PDF, PNG or ZPL file into a directory ({@code --label-dir}), or
 * both. Printing is not a confirmation: nothing is queued, and a label that could not be printed
 * is printed by asking again.
 *
 * <pre>{@code
 * LabelPrinter.Printed printed = floor.labels().printCarton(floor, cartonId);
 * return printed.next();   // "Label sent to printer ..." or a clear refusal with the bell
 * }</pre>
 */
public final class LabelPrinter {

    private final Optional<NetworkPrinter> printer;
    private final Optional<LabelDirectory> directory;

    public LabelPrinter(Optional<NetworkPrinter> printer, Optional<LabelDirectory> directory) {
        this.printer = Objects.requireNonNull(printer, "printer");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** A device with neither a printer nor a label directory. */
    public static LabelPrinter none() {
        return new LabelPrinter(Optional.empty(), Optional.empty());
    }

    /** Whether this device has anywhere to put a label, so a flow offers the action only then. */
    public boolean available() {
        return printer.isPresent() || directory.isPresent();
    }

    /** Where labels go, for a screen line such as "Labels: printer 10.0.4.21:9100". */
    public String destinations() {
        List<String> parts = new ArrayList<>();
        printer.ifPresent(p -> parts.add("printer " + p));
        directory.ifPresent(d -> parts.add(d.format().code().toUpperCase(java.util.Locale.ROOT) + " files in " + d.directory()));
        return parts.isEmpty() ? "nowhere (start with --printer or --label-dir)" : String.join(", ", parts);
    }

    /** Prints the label of a packed carton's shipment ({@code GET /cartons/{id}/label}). */
    public Printed printCarton(Floor floor, String cartonId) {
        return print(floor, "/cartons/" + encode(cartonId) + "/label", "carton-" + cartonId);
    }

    /** Prints a shipment's label ({@code GET /shipments/{id}/label}). */
    public Printed printShipment(Floor floor, String shipmentId) {
        return print(floor, "/shipments/" + encode(shipmentId) + "/label", "shipment-" + shipmentId);
    }

    private Printed print(Floor floor, String labelPath, String fallbackName) {
        if (!available()) {
            return new Printed(false, "No label printer on this device: start it with --printer or --label-dir");
        }
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        if (printer.isPresent()) {
            Download zpl = floor.download(labelPath + "?format=zpl");
            if (!zpl.ok()) {
                return new Printed(false, "Label not printed: " + zpl.answer().explain());
            }
            try {
                printer.get().send(zpl.bytes());
                done.add("sent to printer " + printer.get());
            } catch (IOException e) {
                failed.add("printer " + printer.get() + " not answering (" + reason(e) + ")");
            }
        }
        if (directory.isPresent()) {
            LabelDirectory dir = directory.get();
            Download file = floor.download(labelPath + "?format=" + dir.format().code());
            if (!file.ok()) {
                failed.add("not saved: " + file.answer().explain());
            } else {
                String name = file.filename().map(LabelPrinter::withoutExtension).orElse(fallbackName);
                try {
                    done.add("saved as " + dir.save(name, file.bytes()).getFileName());
                } catch (IOException e) {
                    failed.add("cannot save in " + dir.directory() + " (" + reason(e) + ")");
                }
            }
        }
        if (failed.isEmpty()) {
            return new Printed(true, "Label " + String.join(", ", done));
        }
        return new Printed(false, "Label " + String.join(", ", failed) + (done.isEmpty() ? "" : "; " + String.join(", ", done))
                + ": try again");
    }

    private static String withoutExtension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 60 ? message.substring(0, 60) : message;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /**
     * What printing did, in a worker's words.
     *
     * @param done    whether the label reached every destination
     * @param message one line for the screen
     */
    public record Printed(boolean done, String message) {

        /** Stay on the step: an information line when printed, else the message with the bell. */
        public Next next() {
            return done ? Next.info(message) : Next.wrong(message);
        }
    }
}
