package io.stowage.scanner.camera;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where {@code --images} takes photos from. A file is read once, when the device starts. A
 * directory is a scan source a phone or camera drops photos into: the images in it are read in
 * name order, then every new one as it appears, each once; a read image moves to {@code read/}
 * (or {@code unreadable/}) beside it, so a restarted device never scans a photo twice. A file
 * still being written (changed in the last {@link #SETTLE}) waits for the next look.
 */
public final class ImageInbox {

    static final Duration SETTLE = Duration.ofMillis(500);
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    private final Path source;
    private final ImageDecoder decoder;
    private final Clock clock;
    private final Set<Path> taken = new HashSet<>();
    private boolean fileRead;

    public ImageInbox(Path source, ImageDecoder decoder, Clock clock) {
        this.source = source;
        this.decoder = decoder;
        this.clock = clock;
    }

    public Path source() {
        return source;
    }

    /** The images that arrived since the last look, read, oldest name first. */
    public List<ImageDecoder.Read> poll() {
        if (!Files.isDirectory(source)) {
            if (fileRead) {
                return List.of();
            }
            fileRead = true;
            return List.of(decoder.read(source));
        }
        List<ImageDecoder.Read> reads = new ArrayList<>();
        for (Path image : arrived()) {
            ImageDecoder.Read read = decoder.read(image);
            taken.add(image);
            moveAway(image, read instanceof ImageDecoder.Found ? "read" : "unreadable");
            reads.add(read);
        }
        return reads;
    }

    private List<Path> arrived() {
        long settledBefore = clock.millis() - SETTLE.toMillis();
        try (Stream<Path> files = Files.list(source)) {
            return files.filter(Files::isRegularFile)
                    .filter(ImageInbox::isImage)
                    .filter(file -> !taken.contains(file))
                    .filter(file -> lastModified(file) <= settledBefore)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Moves a read image out of the way; when it cannot (a read-only share), the image is remembered as taken instead. */
    private void moveAway(Path image, String folder) {
        try {
            Path target = source.resolve(folder);
            Files.createDirectories(target);
            try {
                Files.move(image, target.resolve(image.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(image, target.resolve(image.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Remembered in taken: it is not read again while this device runs.
        }
    }
}
