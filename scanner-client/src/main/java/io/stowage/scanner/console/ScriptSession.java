package io.stowage.scanner.console;

import io.stowage.scanner.Handheld;
import io.stowage.scanner.camera.ImageDecoder;
import io.stowage.scanner.camera.ImageFeed;
import io.stowage.scanner.screen.Frame;
import io.stowage.scanner.screen.ScreenText;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Scripted mode: reads scans and keys a line at a time (a scan as the scanner would type it,
 * {@code <F2>} or {@code <ESC>} for a key, {@code <IMAGE path>} for a photo of a barcode, an empty
 * line for Enter, {@code #} for a comment) and prints every screen as a box of text, for tests, demos
 * and training. Photos from {@code --images} are read before each line.
 */
public final class ScriptSession {

    private final Handheld handheld;
    private final InputReader reader;
    private final PrintStream out;
    private final int width;
    private final int height;
    private final ImageFeed images;

    public ScriptSession(Handheld handheld, InputReader reader, PrintStream out, int width, int height) {
        this(handheld, reader, out, width, height, new ImageFeed(new ImageDecoder(), reader, Optional.empty()));
    }

    public ScriptSession(Handheld handheld, InputReader reader, PrintStream out, int width, int height, ImageFeed images) {
        this.handheld = handheld;
        this.images = images;
        this.reader = reader;
        this.out = out;
        this.width = width;
        this.height = height;
    }

    /** Runs the whole script; the queue is left on disk for the next start when the service did not answer. */
    public void run(BufferedReader script) throws IOException {
        // What a previous run left waiting goes first, before the worker's first scan.
        handheld.tick();
        print(handheld.frame());
        pollImages();
        String line;
        while ((line = script.readLine()) != null) {
            if (line.startsWith("#")) {
                continue;
            }
            feed(line);
            pollImages();
        }
        handheld.tick();
        out.println("End of script: " + handheld.floor().outbox().waiting() + " waiting to send, "
                + handheld.floor().outbox().refused() + " refused");
        out.flush();
    }

    /** Feeds one line and returns the screen it led to, as printed. */
    public List<String> feed(String line) {
        Optional<Path> image = ImageFeed.imageLine(line);
        String shown = handheld.secretInput() && !line.isEmpty() && Key.fromScriptToken(line).isEmpty() && image.isEmpty()
                ? "*".repeat(line.length()) : line;
        out.println("> " + shown.replaceAll("\\p{Cntrl}", "~"));
        if (image.isPresent()) {
            images.feed(handheld, image.get());
        } else {
            handheld.handle(reader.scriptLine(line));
        }
        Frame frame = handheld.frame();
        print(frame);
        return ScreenText.lines(frame, width, height);
    }

    /** Reads the photos that arrived in {@code --images}, printing the screen each led to. */
    public void pollImages() {
        images.poll(handheld, name -> {
            out.println("> [image " + name + "]");
            print(handheld.frame());
        });
    }

    public List<String> screen() {
        return ScreenText.lines(handheld.frame(), width, height);
    }

    private void print(Frame frame) {
        String edge = "+" + "-".repeat(width) + "+";
        out.println(edge);
        for (String line : ScreenText.lines(frame, width, height)) {
            out.println("|" + line + "|");
        }
        out.println(edge + (frame.bell() ? " (bell)" : ""));
        out.flush();
    }
}
