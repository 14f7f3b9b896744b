package io.stowage.barcodes.gs1;

import java.util.List;
import java.util.Map;

/**
 * Reads scanner output that starts with an AIM symbology identifier ({@code ]} + code character +
 * modifier, ISO/IEC 15424) according to what the identifier says the symbol is:
 * <ul>
 *   <li>GS1 element strings: {@code ]C1} GS1-128, {@code ]e0} GS1 DataBar and composites,
 *       {@code ]d2} GS1 DataMatrix, {@code ]Q3} GS1 QR Code, {@code ]J1} GS1 DotCode;</li>
 *   <li>GTINs whose check digit is verified: {@code ]E0} EAN-13, UPC-A and UPC-E (sent as 13
 *       digits), {@code ]E4} EAN-8, {@code ]E3} EAN/UPC with a 2- or 5-digit add-on, and
 *       {@code ]I1} ITF-14. The add-on (an issue number or price) is no GS1 AI and is not kept;</li>
 *   <li>anything else, including add-ons read alone ({@code ]E1}, {@code ]E2}) and GS1 symbols
 *       with ECI escapes ({@code ]d5}, {@code ]Q4}), is refused with {@link UnsupportedSymbologyException}.</li>
 * </ul>
 */
final class ScannedData {

    private static final Map<String, String> GS1_IDENTIFIERS = Map.of(
            "]C1", "GS1-128",
            "]e0", "GS1 DataBar",
            "]d2", "GS1 DataMatrix",
            "]Q3", "GS1 QR Code",
            "]J1", "GS1 DotCode");

    private ScannedData() {
    }

    static boolean startsWithIdentifier(String raw) {
        return !raw.isEmpty() && raw.charAt(0) == ']';
    }

    static ElementString parse(String raw) {
        if (raw.length() < 3) {
            throw new UnsupportedSymbologyException(raw, "Scan '" + raw + "' has an incomplete symbology identifier");
        }
        String identifier = raw.substring(0, 3);
        String data = raw.substring(3);
        if (GS1_IDENTIFIERS.containsKey(identifier)) {
            return ElementString.parseAiData(data, raw);
        }
        return switch (identifier) {
            case "]E0" -> gtin(identifier, "EAN-13/UPC", data, 13, 0);
            case "]E4" -> gtin(identifier, "EAN-8", data, 8, 0);
            case "]E3" -> withAddOn(identifier, data);
            case "]I1" -> gtin(identifier, "ITF-14", data, 14, 0);
            case "]E1", "]E2" -> throw new UnsupportedSymbologyException(identifier, "Scan '" + raw
                    + "' is an EAN/UPC add-on read on its own (" + identifier + "), which carries no GTIN");
            default -> throw new UnsupportedSymbologyException(identifier, "Scan '" + raw + "' has symbology identifier "
                    + identifier + ", which carries neither GS1 data nor a GTIN; accepted are "
                    + String.join(", ", List.of("]C1", "]e0", "]d2", "]Q3", "]J1", "]E0", "]E3", "]E4", "]I1")));
        };
    }

    /** With an add-on, the main symbol is EAN-13 (15 or 18 digits in all) or EAN-8 (10 or 13). */
    private static ElementString withAddOn(String identifier, String data) {
        return switch (data.length()) {
            case 15, 18 -> gtin(identifier, "EAN-13/UPC with add-on", data, 13, data.length() - 13);
            case 10, 13 -> gtin(identifier, "EAN-8 with add-on", data, 8, data.length() - 8);
            default -> throw new InvalidBarcodeException("EAN/UPC scan with add-on " + identifier + data
                    + " has " + data.length() + " digits; expected 10, 13, 15 or 18");
        };
    }

    private static ElementString gtin(String identifier, String symbol, String data, int length, int addOnLength) {
        if (data.length() != length + addOnLength || !Gs1CheckDigit.isAllDigits(data)) {
            throw new InvalidBarcodeException(symbol + " scan " + identifier + data + " must be "
                    + (length + addOnLength) + " digits");
        }
        Gtin gtin = Gtin.parse(data.substring(0, length));
        return new ElementString(List.of(new AiElement("01", gtin.toGtin14())));
    }
}
