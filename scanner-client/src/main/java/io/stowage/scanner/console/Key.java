package io.stowage.scanner.console;

import java.util.Locale;
import java.util.Optional;

/**
 * The few keys a flow listens to besides scans. On a terminal they are function keys and Escape;
 * in scripted mode a line such as {@code <F2>} or {@code <ESC>} presses one, and an empty line is Enter.
 */
public enum Key {
    /** Accept what the screen offers (a default quantity, the end of a count). */
    ENTER("ENTER"),
    /** Leave the step or the flow. */
    BACK("ESC"),
    /** Fewer units than asked: a short pick or a short move; at the dock, a carton taken off the load. */
    SHORT("F2"),
    /** Leave this task for later in the same batch. */
    SKIP("F3"),
    /** Print (again) the label the screen shows, where the device has a printer or a label directory. */
    PRINT("F4"),
    /** The confirmations waiting to be sent and the ones the service refused. */
    QUEUE("F5"),
    /** End the worker's session on this device. */
    LOGOUT("F10");

    private final String label;

    Key(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The key a scripted line such as {@code <F2>} names, if it names one. */
    public static Optional<Key> fromScriptToken(String line) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("<") || !trimmed.endsWith(">")) {
            return Optional.empty();
        }
        String name = trimmed.substring(1, trimmed.length() - 1).toUpperCase(Locale.ROOT);
        for (Key key : values()) {
            if (key.label.equals(name) || key.name().equals(name)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
