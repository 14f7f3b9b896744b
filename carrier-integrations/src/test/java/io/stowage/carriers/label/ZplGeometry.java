package io.stowage.carriers.label;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the barcodes of a ZPL label and computes where they print from the commands alone,
 * independently of the code that wrote them: Code 128 width is {@code ^BY} times the modules of
 * the symbols in the field data (start, data, check character, stop), QR width is {@code ^BQ}
 * magnification times the modules of the version its data needs.
 */
final class ZplGeometry {

    record Linear(int x, int y, int module, int height, int symbols, String data) {
        int modules() {
            return (symbols + 1) * 11 + 13;
        }

        int width() {
            return modules() * module;
        }
    }

    record Qr(int x, int y, int magnification, char errorCorrection, char mode, String data) {
    }

    private static final Pattern LINEAR = Pattern.compile(
            "\\^FO(\\d+),(\\d+)\\^BY(\\d+)\\^BCN,(\\d+),N,N,N,N\\^FH\\^FD(.*?)\\^FS");
    private static final Pattern QR = Pattern.compile(
            "\\^FO(\\d+),(\\d+)\\^BQN,2,(\\d+),([LMQH])\\^FH\\^FD([LMQH])M,(.*?)\\^FS");

    private ZplGeometry() {
    }

    static List<Linear> linear(String zpl) {
        List<Linear> found = new ArrayList<>();
        Matcher m = LINEAR.matcher(zpl);
        while (m.find()) {
            String data = unescape(m.group(5));
            found.add(new Linear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), countSymbols(data), data));
        }
        return found;
    }

    static List<Qr> qr(String zpl) {
        List<Qr> found = new ArrayList<>();
        Matcher m = QR.matcher(zpl);
        while (m.find()) {
            String field = unescape(m.group(6));
            char mode = field.charAt(0);
            String data = mode == 'B' ? field.substring(5) : field.substring(1);
            if (mode == 'B' && Integer.parseInt(field.substring(1, 5)) != data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length) {
                throw new AssertionError("QR byte count " + field.substring(1, 5) + " does not match its data " + data);
            }
            found.add(new Qr(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4).charAt(0), mode, data));
        }
        return found;
    }

    /** Symbols in ZPL Code 128 field data without a mode: invocations count one, subset C digit pairs one. */
    static int countSymbols(String data) {
        int symbols = 0;
        boolean subsetC = false;
        int i = 0;
        while (i < data.length()) {
            char c = data.charAt(i);
            if (c == '>' && i + 1 < data.length()) {
                char code = data.charAt(i + 1);
                switch (code) {
                    case ';' -> subsetC = true;
                    case ':', '9' -> subsetC = false;
                    case '5' -> subsetC = true;
                    case '6', '7' -> subsetC = false;
                    default -> {
                    }
                }
                symbols++;
                i += 2;
            } else if (subsetC) {
                if (i + 1 >= data.length() || !Character.isDigit(c) || !Character.isDigit(data.charAt(i + 1))) {
                    throw new AssertionError("subset C data must be digit pairs: " + data);
                }
                symbols++;
                i += 2;
            } else {
                symbols++;
                i++;
            }
        }
        return symbols;
    }

    /** Decodes {@code ^FH} hex escapes ({@code _5E}) back to characters. */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) == '_' && i + 2 < field.length()) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(field.charAt(i));
            }
        }
        return out.toString();
    }

    /** The human data of Code 128 field data: invocations dropped, '><' back to '>'. */
    static String text(String data) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < data.length(); i++) {
            if (data.charAt(i) == '>' && i + 1 < data.length()) {
                char code = data.charAt(++i);
                if (code == '<') {
                    out.append('>');
                } else if (code == '8' && out.length() > 0) {
                    out.append('\u001d');
                }
            } else {
                out.append(data.charAt(i));
            }
        }
        return out.toString();
    }
}
