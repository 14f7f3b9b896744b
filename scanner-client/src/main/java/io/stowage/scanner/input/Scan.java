package io.stowage.scanner.input;

import io.stowage.barcodes.gs1.ElementString;

import java.util.Objects;
import java.util.Optional;

/**
 * One barcode read by the scanner.
 *
 * @param symbology what the scanner said it read, {@link Symbology#UNKNOWN} without an AIM identifier
 * @param raw       the data without AIM identifier and suffix; FNC1 separators appear as ASCII 29
 * @param gs1       the validated GS1 element string, when the data is GS1
 */
public record Scan(Symbology symbology, String raw, Optional<ElementString> gs1) {

    public Scan {
        Objects.requireNonNull(symbology, "symbology");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(gs1, "gs1");
    }
}
