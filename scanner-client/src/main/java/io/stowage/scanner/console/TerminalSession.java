package io.stowage.scanner.console;

import io.stowage.scanner.Handheld;
import io.stowage.scanner.camera.ImageDecoder;
import io.stowage.scanner.camera.ImageFeed;
import io.stowage.scanner.screen.Frame;
import io.stowage.scanner.screen.ScreenText;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The handheld in a real terminal (JLine): the screen fills the terminal, 20x16 or larger, the
 * instruction drawn bold, a wrong scan in reverse video with the bell. Scanner input arrives as
 * typed characters ending in Enter or Tab; the function keys and Escape are read from the
 * terminal's own key sequences (terminfo). Between inputs the queue is retried every few seconds.
 */
public final class TerminalSession {

    private static final long RETRY_MILLIS = 5_000;
    private static final long ESCAPE_WAIT_MILLIS = 60;

    private final Terminal terminal;
    private final Handheld handheld;
    private final InputReader inputs;
    private final Map<String, Key> keySequences = new LinkedHashMap<>();
    private final StringBuilder typed = new StringBuilder();
    private final AtomicBoolean resized = new AtomicBoolean();
    private final ImageFeed images;

    public TerminalSession(Terminal terminal, Handheld handheld, InputReader inputs) {
        this(terminal, handheld, inputs, new ImageFeed(new ImageDecoder(), inputs, Optional.empty()));
    }

    /** {@code images}: photos from {@code --images}, read between keystrokes, and lines {@code <IMAGE path>} typed in. */
    public TerminalSession(Terminal terminal, Handheld handheld, InputReader inputs, ImageFeed images) {
        this.terminal = terminal;
        this.images = images;
        this.handheld = handheld;
        this.inputs = inputs;
        bind(Capability.key_f2, Key.SHORT, "\u001bOQ", "\u001b[12~");
        bind(Capability.key_f3, Key.SKIP, "\u001bOR", "\u001b[13~");
        bind(Capability.key_f4, Key.PRINT, "\u001bOS", "\u001b[14~");
        bind(Capability.key_f5, Key.QUEUE, "\u001b[15~");
        bind(Capability.key_f10, Key.LOGOUT, "\u001b[21~");
    }

    private void bind(Capability capability, Key key, String... usual) {
        String own = terminal.getStringCapability(capability);
        if (own != null && !own.isEmpty()) {
            keySequences.put(own, key);
        }
        for (String sequence : usual) {
            keySequences.putIfAbsent(sequence, key);
        }
    }

    /** Runs until the worker quits with Ctrl-C or Ctrl-D (or the terminal closes). */
    public void run() throws IOException {
        Attributes original = terminal.enterRawMode();
        terminal.handle(Terminal.Signal.WINCH, signal -> resized.set(true));
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        try {
            draw();
            NonBlockingReader reader = terminal.reader();
            long lastRetry = System.currentTimeMillis();
            while (true) {
                int c = reader.read(250);
                if (c == NonBlockingReader.EOF || c == 3 || c == 4) {
                    return;
                }
                if (c == NonBlockingReader.READ_EXPIRED) {
                    boolean changed = resized.getAndSet(false);
                    changed |= images.poll(handheld, name -> { });
                    if (System.currentTimeMillis() - lastRetry >= RETRY_MILLIS) {
                        lastRetry = System.currentTimeMillis();
                        changed |= handheld.tick();
                    }
                    if (changed) {
                        draw();
                    }
                    continue;
                }
                if (c == 27) {
                    handleEscape(reader);
                } else if (c == '\r' || c == '\n' || c == '\t') {
                    String line = typed.toString();
                    typed.setLength(0);
                    Optional<java.nio.file.Path> image = ImageFeed.imageLine(line);
                    if (image.isPresent()) {
                        images.feed(handheld, image.get());
                    } else {
                        handheld.handle(inputs.line(line));
                    }
                } else if (c == 127 || c == 8) {
                    if (typed.length() > 0) {
                        typed.setLength(typed.length() - 1);
                    }
                } else {
                    typed.append((char) c);
                }
                draw();
            }
        } finally {
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.exit_ca_mode);
            terminal.setAttributes(original);
            terminal.flush();
        }
    }

    private void handleEscape(NonBlockingReader reader) throws IOException {
        StringBuilder sequence = new StringBuilder("\u001b");
        while (true) {
            int next = reader.read(ESCAPE_WAIT_MILLIS);
            if (next < 0) {
                break;
            }
            sequence.append((char) next);
            String so = sequence.toString();
            Key key = keySequences.get(so);
            if (key != null) {
                handheld.handle(new Input.Pressed(key));
                return;
            }
            if (keySequences.keySet().stream().noneMatch(known -> known.startsWith(so))) {
                return;
            }
        }
        if (sequence.length() == 1) {
            typed.setLength(0);
            handheld.handle(new Input.Pressed(Key.BACK));
        }
    }

    private void draw() {
        Size size = terminal.getSize();
        int width = Math.max(ScreenText.MIN_WIDTH, size.getColumns() <= 0 ? ScreenText.MIN_WIDTH : size.getColumns());
        int height = Math.max(ScreenText.MIN_HEIGHT, size.getRows() <= 0 ? ScreenText.MIN_HEIGHT : size.getRows());
        width = Math.min(width, size.getColumns() > 0 ? size.getColumns() : width);
        height = Math.min(height, size.getRows() > 0 ? size.getRows() : height);
        Frame frame = handheld.frame();
        List<ScreenText.Line> lines = ScreenText.layout(frame, width, height);
        terminal.puts(Capability.clear_screen);
        for (int row = 0; row < lines.size(); row++) {
            ScreenText.Line line = lines.get(row);
            String text = line.text();
            if (row == lines.size() - 2 && typed.length() > 0) {
                String shown = handheld.secretInput() ? "*".repeat(typed.length()) : typed.toString().replaceAll("\\p{Cntrl}", "~");
                text = fit("> " + shown, width);
            }
            terminal.puts(Capability.cursor_address, row, 0);
            terminal.writer().print(new AttributedString(text, style(line.role())).toAnsi(terminal));
        }
        if (frame.bell()) {
            if (!terminal.puts(Capability.bell)) {
                terminal.writer().print('\u0007');
            }
        }
        terminal.flush();
    }

    private static String fit(String text, int width) {
        return text.length() >= width ? text.substring(text.length() - width) : text + " ".repeat(width - text.length());
    }

    private static AttributedStyle style(ScreenText.Role role) {
        return switch (role) {
            case TITLE, STATUS -> AttributedStyle.DEFAULT.inverse();
            case INSTRUCTION -> AttributedStyle.DEFAULT.bold();
            case NOTICE_ERROR -> AttributedStyle.DEFAULT.bold().inverse();
            default -> AttributedStyle.DEFAULT;
        };
    }
}
