package io.stowage.barcodes.gs1;

import java.util.Objects;

/** One GS1 Application Identifier with its data, such as AI {@code 17} with value {@code 201225}. */
public record AiElement(String ai, String value) {

    public AiElement {
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(value, "value");
    }

    /** The element in human-readable form, for example {@code (17)201225}. */
    @Override
    public String toString() {
        return "(" + ai + ")" + value;
    }
}
