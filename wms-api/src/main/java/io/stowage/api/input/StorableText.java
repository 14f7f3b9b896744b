package io.stowage.api.input;

import java.util.Optional;

/**
 * What text the service accepts from outside: anything PostgreSQL can store in a {@code text} or
 * {@code jsonb} column. That excludes NUL (U+0000: PostgreSQL refuses it with 22021, in jsonb with
 * 22P05) and unpaired UTF-16 surrogates (not Unicode characters at all; the driver would silently
 * store them as '?'). Every string that enters the service, from a JSON body, a query, a path, a
 * header, a CSV cell or a cursor, is checked here before anything is written.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why the text cannot be stored, or empty when it can. */
    public static Optional<String> flaw(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("contains a NUL character (U+0000), which cannot be stored");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + "), which is not Unicode text");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + "), which is not Unicode text");
            }
        }
        return Optional.empty();
    }

    public static boolean isStorable(CharSequence text) {
        return flaw(text).isEmpty();
    }
}
