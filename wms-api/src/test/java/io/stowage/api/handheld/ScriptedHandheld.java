package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.scanner.ClientOptions;
import io.stowage.scanner.ScannerMain;
import io.stowage.scanner.console.ScriptSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted client in this JVM, fed a line at a time like a worker at the device: each line is
 * a scan, a key ({@code <F2>}) or Enter (an empty line), and the answer is the screen as printed.
 * The whole transcript goes into every failure message.
 */
final class ScriptedHandheld {

    private final ScriptSession session;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private String screen;

    ScriptedHandheld(String server, Path dataDir, String device, int width, int height) {
        try {
            ClientOptions options = ClientOptions.parse(new String[] {"--server", server, "--data-dir", dataDir.toString(),
                    "--device", device, "--size", width + "x" + height, "--timeout", "5"});
            session = new ScriptSession(ScannerMain.handheld(options), ScannerMain.inputReader(options),
                    new PrintStream(printed, true, StandardCharsets.UTF_8), width, height);
        } catch (ClientOptions.BadArguments e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        screen = String.join("\n", session.screen());
    }

    /** Feeds a line and returns the screen it led to. */
    String feed(String line) {
        List<String> lines = session.feed(line);
        screen = String.join("\n", lines);
        return screen;
    }

    /** Feeds a line and checks the screen it led to shows the text (wrapped lines read as one). */
    String expect(String line, String shown) {
        feed(line);
        assertThat(flat()).as("after %s:%n%s", line, transcript()).contains(shown);
        return screen;
    }

    /** The screen's lines stripped and joined with spaces, so text wrapped over two lines reads as it was written. */
    String flat() {
        return String.join(" ", java.util.Arrays.stream(screen.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    /** A wrong input: the bell rings and the screen says why. */
    String expectRefused(String line, String shown) {
        String before = instruction();
        feed(line);
        assertThat(lastFrameRangBell()).as("bell after %s:%n%s", line, transcript()).isTrue();
        assertThat(flat()).as("after %s:%n%s", line, transcript()).contains(shown).doesNotContain("Exception");
        assertThat(instruction()).as("the step stays after %s", line).isEqualTo(before);
        return screen;
    }

    String screen() {
        return screen;
    }

    /** The instruction line (the first line under the title). */
    String instruction() {
        return screen.split("\n")[1].strip();
    }

    /** The first group of the pattern on the screen; fails when the screen does not show it. */
    String read(String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(flat());
        assertThat(matcher.find()).as("%s on the screen:%n%s", regex, transcript()).isTrue();
        return matcher.group(1);
    }

    /** Chooses a menu entry by its label, whatever its number for this worker's roles. */
    String choose(String label) {
        return feed(read("(\\d) " + Pattern.quote(label)));
    }

    boolean lastFrameRangBell() {
        String text = transcript().stripTrailing();
        return text.substring(text.lastIndexOf('\n') + 1).endsWith("(bell)");
    }

    String transcript() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
