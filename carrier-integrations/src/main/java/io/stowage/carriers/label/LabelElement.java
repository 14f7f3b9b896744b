package io.stowage.carriers.label;

import io.stowage.barcodes.render.Symbology;

/**
 * One thing drawn on the label, positioned in printer dots (203 dpi, origin top left). The ZPL, PNG
 * and PDF writers all draw the same list, so the three formats cannot drift apart. Barcodes carry
 * their module size, chosen by {@link BarcodeFitting} so that the symbol and its quiet zones fit.
 */
public sealed interface LabelElement {

    /** A line of text whose top is at {@code y}; {@code heightDots} is the character height. */
    record Text(int x, int y, int heightDots, boolean bold, String text) implements LabelElement {
    }

    /**
     * A Code 128 or GS1-128 symbol whose first bar is at {@code x}; it is {@code moduleDots} wide per
     * module and drawn without human-readable text, which is a separate {@link Text}.
     */
    record LinearBarcode(int x, int y, int moduleDots, int heightDots, Symbology symbology, String content,
                         int widthDots) implements LabelElement {
    }

    /**
     * A QR Code whose top-left module is at {@code x}, {@code y}: {@code version} and
     * {@code errorCorrection} (L, M, Q or H) are fixed here so the printer and the image agree.
     */
    record QrCode(int x, int y, int moduleDots, int version, char errorCorrection, String content)
            implements LabelElement {

        public int modules() {
            return 17 + 4 * version;
        }

        public int widthDots() {
            return modules() * moduleDots;
        }
    }

    /** A horizontal rule across the label. */
    record Rule(int y, int thicknessDots) implements LabelElement {
    }
}
