package io.stowage.scanner.console;

import io.stowage.scanner.Handheld;
import io.stowage.scanner.screen.Frame;
import io.stowage.scanner.screen.ScreenText;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * Scripted mode: reads scans and keys a line at a time (a scan as the scanner would type it,
 * {@code <F2>} or {@code <ESC>} for a key, an empty line for Enter, {@code #} for a comment) and
 * prints every screen as a box of text, for tests, demos and training.
 */
public final class ScriptSession {

    private final Handheld handheld;
    private final InputReader reader;
    private final PrintStream out;
    private final int width;
    private final int height;

    public ScriptSession(Handheld handheld, InputReader reader, PrintStream out, int width, int height) {
        this.handheld = handheld;
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
        String line;
        while ((line = script.readLine()) != null) {
            if (line.startsWith("#")) {
                continue;
            }
            feed(line);
        }
        handheld.tick();
        out.println("End of script: " + handheld.floor().outbox().waiting() + " waiting to send, "
                + handheld.floor().outbox().refused() + " refused");
        out.flush();
    }

    /** Feeds one line and returns the screen it led to, as printed. */
    public List<String> feed(String line) {
        String shown = handheld.secretInput() && !line.isEmpty() && Key.fromScriptToken(line).isEmpty() ? "*".repeat(line.length()) : line;
        out.println("> " + shown.replaceAll("\\p{Cntrl}", "~"));
        handheld.handle(reader.scriptLine(line));
        Frame frame = handheld.frame();
        print(frame);
        return ScreenText.lines(frame, width, height);
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
