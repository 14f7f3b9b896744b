package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted handheld as a test talks to it, in this JVM or in a process of its own: feed a line
 * (a scan, a key such as {@code <F2>}, or Enter as an empty line) and read the screen it led to.
 * Text a screen wrapped over two lines is read as one. Every failure message carries the transcript.
 */
abstract class HandheldScreen {

    /** Feeds a line; returns the printed frame (its lines without the border) and whether it rang the bell. */
    protected abstract Printed print(String line);

    abstract String transcript();

    protected record Printed(String screen, boolean bell) {
    }

    private Printed last = new Printed("", false);

    /** Sets the frame on the screen without an input, as the one printed when the client starts. */
    protected void showing(Printed frame) {
        last = frame;
    }

    String feed(String line) {
        last = print(line);
        return last.screen();
    }

    String screen() {
        return last.screen();
    }

    /** The screen's lines stripped and joined with spaces. */
    String flat() {
        return String.join(" ", Arrays.stream(last.screen().split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    String expect(String line, String shown) {
        feed(line);
        assertThat(flat()).as("after %s:%n%s", line, transcript()).contains(shown);
        return last.screen();
    }

    /** A wrong input: the bell rings, the screen says why, and the step stays where it was. */
    String expectRefused(String line, String shown) {
        String before = instruction();
        feed(line);
        assertThat(last.bell()).as("bell after %s:%n%s", line, transcript()).isTrue();
        assertThat(flat()).as("after %s:%n%s", line, transcript()).contains(shown).doesNotContain("Exception");
        assertThat(instruction()).as("the step stays after %s", line).isEqualTo(before);
        return last.screen();
    }

    /** The instruction line (the first line under the title). */
    String instruction() {
        String[] lines = last.screen().split("\n");
        return lines.length > 1 ? lines[1].strip() : "";
    }

    /** The first group of the pattern on the (flattened) screen; fails when the screen does not show it. */
    String read(String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(flat());
        assertThat(matcher.find()).as("%s on the screen:%n%s", regex, transcript()).isTrue();
        return matcher.group(1);
    }

    /** Chooses a menu entry by its label, whatever its number for this worker's roles. */
    String choose(String label) {
        return feed(read("(\\d) " + Pattern.quote(label)));
    }

    /** Reads the frames printed in scripted mode: the last frame's lines and whether it rang the bell. */
    static Printed lastFrame(String output) {
        String[] lines = output.split("\n");
        int end = -1;
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("+-")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return new Printed("", false);
        }
        int start = end - 1;
        while (start >= 0 && !lines[start].startsWith("+-")) {
            start--;
        }
        StringBuilder screen = new StringBuilder();
        for (int i = start + 1; i < end; i++) {
            String line = lines[i];
            screen.append(line, 1, Math.max(1, line.length() - 1)).append('\n');
        }
        return new Printed(screen.toString(), lines[end].endsWith("(bell)"));
    }
}
