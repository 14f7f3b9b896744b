package io.stowage.carriers.label;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a label as ZPL II for 203 dpi thermal printers. Text is UTF-8 ({@code ^CI28}) and every
 * field goes through {@code ^FH} hex escapes, so a caret or tilde in an address cannot end the
 * field or inject printer commands. GS1-128 uses the printer's UCC/EAN mode, which inserts FNC1
 * and reads the bracketed AIs itself.
 */
public final class ZplLabelWriter {

    public byte[] write(List<LabelElement> elements) {
        StringBuilder zpl = new StringBuilder();
        zpl.append("^XA\n^CI28\n^PW").append(LabelLayout.WIDTH_DOTS).append("\n^LL").append(LabelLayout.HEIGHT_DOTS)
                .append("\n^LH0,0\n");
        for (LabelElement element : elements) {
            if (element instanceof LabelElement.Text text) {
                zpl.append("^FO").append(text.x()).append(',').append(text.y())
                        .append("^A0N,").append(text.heightDots()).append(',').append(text.heightDots())
                        .append("^FH^FD").append(escape(text.text())).append("^FS\n");
            } else if (element instanceof LabelElement.Rule rule) {
                zpl.append("^FO0,").append(rule.y()).append("^GB")
                        .append(LabelLayout.WIDTH_DOTS).append(',').append(rule.thicknessDots()).append(',')
                        .append(rule.thicknessDots()).append("^FS\n");
            } else if (element instanceof LabelElement.Barcode barcode) {
                appendBarcode(zpl, barcode);
            }
        }
        zpl.append("^XZ\n");
        return zpl.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendBarcode(StringBuilder zpl, LabelElement.Barcode barcode) {
        zpl.append("^FO").append(barcode.x()).append(',').append(barcode.y());
        switch (barcode.symbology()) {
            case CODE_128 -> zpl.append("^BY3^BCN,").append(barcode.heightDots()).append(",N,N,N,A^FH^FD")
                    .append(escape(barcode.content())).append("^FS\n");
            case GS1_128 -> zpl.append("^BY3^BCN,").append(barcode.heightDots()).append(",N,N,N,D^FH^FD")
                    .append(escape(barcode.content())).append("^FS\n");
            // Model 2, magnification chosen so the symbol fills about the box; error correction M.
            case QR_CODE -> zpl.append("^BQN,2,").append(Math.max(1, Math.min(10, barcode.widthDots() / 40)))
                    .append("^FH^FDMA,").append(escape(barcode.content())).append("^FS\n");
            case DATA_MATRIX -> zpl.append("^BXN,").append(Math.max(1, barcode.widthDots() / 30))
                    .append(",200^FH^FD").append(escape(barcode.content())).append("^FS\n");
        }
    }

    /** Escapes the characters ZPL treats as commands or as the ^FH escape character. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '^' -> escaped.append("_5E");
                case '~' -> escaped.append("_7E");
                case '_' -> escaped.append("_5F");
                default -> escaped.append(c < 0x20 ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
