package io.stowage.scanner.print;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * A directory labels are saved to as files (PDF or PNG for an office printer or a phone, or ZPL),
 * for stations without a network label printer. A file appears whole or not at all, so a program
 * watching the directory never prints half a label.
 */
public record LabelDirectory(Path directory, LabelFormat format) {

    public LabelDirectory {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(format, "format");
    }

    /** Saves one label as {@code <name>.<format>} (an earlier file of the same label is replaced: a reprint). */
    public Path save(String name, byte[] bytes) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(safe(name) + "." + format.code());
        Path partial = Files.createTempFile(directory, ".label-", ".part");
        try {
            Files.write(partial, bytes);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    /** A file name from what the service called the label, with nothing that could leave the directory. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        return cleaned.isEmpty() ? "label" : cleaned;
    }
}
