package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A program in a real terminal for the handheld's terminal tests: a detached tmux session of a
 * given size on its own server socket, typed into as a wedge scanner and a worker would (tmux key
 * names such as {@code Enter}, {@code Escape}, {@code F10}), resized like a device's window, and
 * read back as the pane's lines. Closing it kills its tmux server and the program in it.
 */
final class TmuxPane implements AutoCloseable {

    private static final String SESSION = "hh";

    private final String socket;

    private TmuxPane(String socket) {
        this.socket = socket;
    }

    /** Starts {@code command} in a pane of {@code columns} x {@code rows}; {@code name} keeps the tmux server apart from other tests'. */
    static TmuxPane start(String name, int columns, int rows, String command) {
        TmuxPane pane = new TmuxPane("stowage-" + name + "-" + ProcessHandle.current().pid());
        pane.tmux("new-session", "-d", "-s", SESSION, "-x", String.valueOf(columns), "-y", String.valueOf(rows), command);
        return pane;
    }

    /** Whether a program (tmux, ssh) is installed; the tests assume it (.ci/run installs both). */
    static boolean installed(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** Waits until the pane shows the text (read across the lines it was wrapped over); returns the pane's lines. */
    List<String> await(String text) {
        return awaitScreen(lines -> String.join(" ", lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList()).contains(text));
    }

    /**
     * Waits until the pane's lines satisfy the condition and the next look finds them unchanged;
     * returns them. A terminal is drawn in pieces, and a screen read mid-draw shows its first lines
     * without the rest.
     */
    List<String> awaitScreen(Predicate<List<String>> condition) {
        AtomicReference<List<String>> before = new AtomicReference<>(List.of());
        return Eventually.until(this::capture, lines -> condition.test(lines) && lines.equals(before.getAndSet(lines)));
    }

    List<String> capture() {
        String[] lines = tmux("capture-pane", "-p", "-t", SESSION).split("\n", -1);
        return new ArrayList<>(Arrays.asList(lines).subList(0, Math.max(0, lines.length - 1)));
    }

    void type(String... keys) {
        List<String> arguments = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        arguments.addAll(List.of(keys));
        tmux(arguments.toArray(String[]::new));
    }

    /** Gives the window a new size, as a terminal app does when the device turns or its font changes. */
    void resize(int columns, int rows) {
        tmux("resize-window", "-t", SESSION, "-x", String.valueOf(columns), "-y", String.valueOf(rows));
    }

    @Override
    public void close() {
        tmux("kill-server");
    }

    private String tmux(String... arguments) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return output;
        } catch (IOException e) {
            throw new AssertionError("tmux " + String.join(" ", arguments) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
