package io.stowage.api.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a PostgreSQL server writes to {@code postmaster.pid} in its data directory while it runs:
 * its process id (line 1), its data directory (line 2) and its port (line 4). A clean shutdown
 * removes the file; a killed server leaves it behind.
 */
record PostmasterPidFile(Path file, long pid, Path dataDirectory, int port) {

    static final String NAME = "postmaster.pid";

    /** The pid file of the server on {@code dataDirectory}, if one is there and readable. */
    static Optional<PostmasterPidFile> in(Path dataDirectory) {
        Path file = dataDirectory.resolve(NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        // A server that died while writing the file leaves it short: PostgreSQL itself copes with that.
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPidFile(file, Long.parseLong(lines.get(0).trim()),
                    Path.of(lines.get(1).trim()), Integer.parseInt(lines.get(3).trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
