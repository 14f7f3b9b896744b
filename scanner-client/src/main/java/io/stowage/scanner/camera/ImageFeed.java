package io.stowage.scanner.camera;

import io.stowage.scanner.Handheld;
import io.stowage.scanner.console.InputReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Image input for a session: photos from {@code --images}, and a line {@code <IMAGE path>} typed
 * or scripted, go to the handheld as scans through the same input layer as the keyboard wedge. An
 * image the device cannot use (not an image, no barcode, several different barcodes) is a wrong
 * scan: a clear message and the bell, and nothing reaches the flow.
 */
public final class ImageFeed {

    private static final Pattern IMAGE_LINE = Pattern.compile("<IMAGE\\s+(.+)>", Pattern.CASE_INSENSITIVE);

    private final ImageDecoder decoder;
    private final InputReader inputs;
    private final Optional<ImageInbox> inbox;

    public ImageFeed(ImageDecoder decoder, InputReader inputs, Optional<ImageInbox> inbox) {
        this.decoder = decoder;
        this.inputs = inputs;
        this.inbox = inbox;
    }

    /** The image a line such as {@code <IMAGE /sdcard/DCIM/label.jpg>} names, if it names one. */
    public static Optional<Path> imageLine(String line) {
        Matcher matcher = IMAGE_LINE.matcher(line.strip());
        return matcher.matches() ? Optional.of(Path.of(matcher.group(1).strip())) : Optional.empty();
    }

    /** Reads one image into the handheld. */
    public void feed(Handheld handheld, Path image) {
        feed(handheld, decoder.read(image));
    }

    /** Feeds what arrived from {@code --images} since the last look, calling {@code fed} with each image's name; true when any did. */
    public boolean poll(Handheld handheld, Consumer<String> fed) {
        if (inbox.isEmpty()) {
            return false;
        }
        List<ImageDecoder.Read> reads = inbox.get().poll();
        for (ImageDecoder.Read read : reads) {
            feed(handheld, read);
            fed.accept(read.name());
        }
        return !reads.isEmpty();
    }

    private void feed(Handheld handheld, ImageDecoder.Read read) {
        if (read instanceof ImageDecoder.Unreadable unreadable) {
            handheld.reject(unreadable.problem());
        } else if (read instanceof ImageDecoder.Found found) {
            if (found.scans().size() > 1) {
                // Which of a label's barcodes the worker meant is not the device's guess to make.
                handheld.reject(found.scans().size() + " barcodes in " + found.name() + ": photograph only the one to scan");
            } else {
                handheld.handle(inputs.decoded(found.scans().get(0)));
            }
        }
    }
}
