package io.stowage.scanner.print;

import java.util.Locale;
import java.util.Optional;

/** The label formats the service serves: ZPL for thermal printers, PDF and PNG for files. */
public enum LabelFormat {
    ZPL, PDF, PNG;

    /** The value of the service's {@code format} parameter and the file extension. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LabelFormat> parse(String text) {
        for (LabelFormat format : values()) {
            if (format.code().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
