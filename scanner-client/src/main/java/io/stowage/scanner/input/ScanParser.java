package io.stowage.scanner.input;

import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.InvalidBarcodeException;

import java.util.Optional;

/**
 * Turns the text of one scan (suffix already removed) into a {@link Scan}: strips the AIM
 * symbology identifier, restores FNC1 separators from the configured substitute and recognises
 * GS1 data. Without an AIM identifier GS1 is recognised from the data itself: a group separator,
 * a bracketed element string typed by hand, a GS1 Digital Link URI, or digits starting with one
 * of the logistics keys (00), (01), (02) that parse completely.
 */
public final class ScanParser {

    private static final String GS = String.valueOf(ElementString.GROUP_SEPARATOR);
    private static final java.util.regex.Pattern BRACKETED_AI = java.util.regex.Pattern.compile("\\(\\d{2,4}\\)");

    private final WedgeSettings settings;

    public ScanParser(WedgeSettings settings) {
        this.settings = settings;
    }

    /** Parses one scan; never fails, so a bad label can be reported to the worker instead. */
    public Scan parse(String text) {
        String data = text == null ? "" : text;
        Symbology symbology = Symbology.UNKNOWN;
        if (data.length() >= 3 && data.charAt(0) == ']') {
            Optional<Symbology> announced = Symbology.fromAimId(data.substring(0, 3));
            if (announced.isPresent()) {
                symbology = announced.get();
                data = data.substring(3);
            }
        }
        if (symbology.gs1()) {
            String restored = restoreFnc1(data);
            return new Scan(symbology, restored, tryElementString(restored));
        }
        if (symbology == Symbology.UNKNOWN) {
            String restored = restoreFnc1(data);
            Optional<ElementString> gs1 = guessElementString(restored);
            if (gs1.isPresent()) {
                return new Scan(symbology, restored, gs1);
            }
        }
        if (symbology == Symbology.QR_CODE && isUri(data)) {
            return new Scan(symbology, data, tryDigitalLink(data));
        }
        return new Scan(symbology, data, Optional.empty());
    }

    /** The reason the data of a GS1 scan is not a valid element string, for showing to the worker. */
    public static Optional<String> gs1Problem(Scan scan) {
        if (scan.gs1().isPresent()) {
            return Optional.empty();
        }
        if (scan.symbology() == Symbology.UNKNOWN && BRACKETED_AI.matcher(scan.raw()).lookingAt()) {
            // Typed by hand (or a wedge without AIM identifiers) in the human-readable form: say what is wrong in it too.
            try {
                ElementString.parseBracketed(scan.raw());
                return Optional.empty();
            } catch (InvalidBarcodeException e) {
                return Optional.of(e.getMessage());
            }
        }
        if (!scan.symbology().gs1()) {
            return Optional.empty();
        }
        try {
            ElementString.parseUnbracketed(scan.raw());
            return Optional.empty();
        } catch (InvalidBarcodeException e) {
            return Optional.of(e.getMessage());
        }
    }

    private String restoreFnc1(String data) {
        return settings.fnc1Substitute().map(substitute -> data.replace(substitute, GS)).orElse(data);
    }

    private static Optional<ElementString> guessElementString(String data) {
        if (data.startsWith("(")) {
            try {
                return Optional.of(ElementString.parseBracketed(data));
            } catch (InvalidBarcodeException e) {
                return Optional.empty();
            }
        }
        if (isUri(data)) {
            return tryDigitalLink(data);
        }
        if (data.contains(GS) || data.startsWith("00") || data.startsWith("01") || data.startsWith("02")) {
            return tryElementString(data);
        }
        return Optional.empty();
    }

    private static Optional<ElementString> tryElementString(String data) {
        try {
            return Optional.of(ElementString.parseUnbracketed(data));
        } catch (InvalidBarcodeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ElementString> tryDigitalLink(String uri) {
        try {
            return Optional.of(ElementString.fromDigitalLink(uri));
        } catch (InvalidBarcodeException e) {
            return Optional.empty();
        }
    }

    private static boolean isUri(String data) {
        return data.startsWith("https://") || data.startsWith("http://");
    }
}
