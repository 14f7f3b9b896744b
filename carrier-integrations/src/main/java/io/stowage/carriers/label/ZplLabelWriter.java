package io.stowage.carriers.label;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.stowage.barcodes.render.Code128;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a label as ZPL II for 203 dpi thermal printers.
 * <ul>
 *   <li>Text is UTF-8 ({@code ^CI28}) in Zebra's resident Unicode font Swiss 721
 *       ({@code ^A@N,h,h,E:TT0003M_.TTF}), which has the Latin Extended-A and Cyrillic letters of
 *       Baltic, Slovenian and Ukrainian addresses that font 0 prints as boxes.</li>
 *   <li>Every field goes through {@code ^FH} hex escapes, so a caret or tilde in an address cannot
 *       end the field or inject printer commands.</li>
 *   <li>Code 128 and GS1-128 are sent symbol by symbol ({@code ^BC} without a mode, subset
 *       invocations {@code >:} {@code >;} {@code >5} {@code >6} and FNC1 {@code >8}) at the module
 *       width the layout chose, so the printed width is known before printing.</li>
 *   <li>QR Code names its error correction and the same encoding mode the image uses, so the
 *       printer picks the same version.</li>
 * </ul>
 */
public final class ZplLabelWriter {

    /** Zebra's resident scalable Unicode font (Swiss 721) on Link-OS printers. */
    static final String UNICODE_FONT = "E:TT0003M_.TTF";

    public byte[] write(List<LabelElement> elements) {
        StringBuilder zpl = new StringBuilder();
        zpl.append("^XA\n^CI28\n^PW").append(LabelLayout.WIDTH_DOTS).append("\n^LL").append(LabelLayout.HEIGHT_DOTS)
                .append("\n^LH0,0\n");
        for (LabelElement element : elements) {
            if (element instanceof LabelElement.Text text) {
                zpl.append("^FO").append(text.x()).append(',').append(text.y())
                        .append("^A@N,").append(text.heightDots()).append(',').append(text.heightDots()).append(',')
                        .append(UNICODE_FONT).append("^FH^FD").append(escape(text.text())).append("^FS\n");
            } else if (element instanceof LabelElement.Rule rule) {
                zpl.append("^FO0,").append(rule.y()).append("^GB")
                        .append(LabelLayout.WIDTH_DOTS).append(',').append(rule.thicknessDots()).append(',')
                        .append(rule.thicknessDots()).append("^FS\n");
            } else if (element instanceof LabelElement.LinearBarcode barcode) {
                Code128 plan = BarcodeFitting.plan(barcode.symbology(), barcode.content());
                zpl.append("^FO").append(barcode.x()).append(',').append(barcode.y())
                        .append("^BY").append(barcode.moduleDots())
                        .append("^BCN,").append(barcode.heightDots()).append(",N,N,N,N^FH^FD")
                        .append(invocations(plan)).append("^FS\n");
            } else if (element instanceof LabelElement.QrCode qr) {
                zpl.append("^FO").append(qr.x()).append(',').append(qr.y())
                        .append("^BQN,2,").append(qr.moduleDots()).append(',').append(qr.errorCorrection())
                        .append("^FH^FD").append(qr.errorCorrection()).append("M,").append(qrData(qr)).append("^FS\n");
            }
        }
        zpl.append("^XZ\n");
        return zpl.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The symbols as ZPL Code 128 field data: start and switch invocations, digit pairs in subset C. */
    static String invocations(Code128 plan) {
        StringBuilder data = new StringBuilder();
        List<Code128.Symbol> symbols = plan.symbols();
        for (int i = 0; i < symbols.size(); i++) {
            Code128.Symbol symbol = symbols.get(i);
            int value = symbol.value();
            if (i == 0) {
                data.append(value == Code128.START_C ? ">;" : ">:");
            } else if (value == Code128.FNC1) {
                data.append(">8");
            } else if (value == Code128.CODE_C && symbol.codeSet() == Code128.CodeSet.B) {
                data.append(">5");
            } else if (value == Code128.CODE_B && symbol.codeSet() == Code128.CodeSet.C) {
                data.append(">6");
            } else if (symbol.codeSet() == Code128.CodeSet.C) {
                data.append(value < 10 ? "0" : "").append(value);
            } else {
                char c = (char) (value + ' ');
                data.append(c == '>' ? "><" : escape(String.valueOf(c)));
            }
        }
        return data.toString();
    }

    private static String qrData(LabelElement.QrCode qr) {
        char mode = BarcodeFitting.mode(qr.content(), ErrorCorrectionLevel.valueOf(String.valueOf(qr.errorCorrection())));
        String escaped = escape(qr.content());
        return mode == 'B'
                ? "B" + String.format("%04d", qr.content().getBytes(StandardCharsets.UTF_8).length) + escaped
                : mode + escaped;
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
