package io.stowage.scanner.screen;

import java.util.Objects;

/** A message under the instruction: what went wrong with the last input, or what just happened. */
public record Notice(Kind kind, String text) {

    public enum Kind { INFO, ERROR }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public static Notice info(String text) {
        return new Notice(Kind.INFO, text);
    }

    public static Notice error(String text) {
        return new Notice(Kind.ERROR, text);
    }
}
