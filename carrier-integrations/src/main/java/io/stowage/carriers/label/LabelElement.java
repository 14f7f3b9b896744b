package io.stowage.carriers.label;

import io.stowage.barcodes.render.Symbology;

/**
 * One thing drawn on the label, positioned in printer dots (203 dpi, origin top left). The ZPL, PNG
 * and PDF writers all draw the same list, so the three formats cannot drift apart.
 */
public sealed interface LabelElement {

    /** A line of text whose top is at {@code y}; {@code heightDots} is the character height. */
    record Text(int x, int y, int heightDots, boolean bold, String text) implements LabelElement {
    }

    /** A barcode filling the box; linear symbols are drawn without their text, which is a separate Text. */
    record Barcode(int x, int y, int widthDots, int heightDots, Symbology symbology, String content) implements LabelElement {
    }

    /** A horizontal rule across the label. */
    record Rule(int y, int thicknessDots) implements LabelElement {
    }
}
