package io.stowage.barcodes.gs1;

/**
 * Scanner data that starts with an AIM symbology identifier (ISO/IEC 15424) whose symbol does not
 * carry GS1 data or a GTIN, for example {@code ]A0} (Code 39) or {@code ]C0} (plain Code 128).
 * A caller can answer it differently from malformed GS1 data: the worker scanned the wrong code.
 */
public class UnsupportedSymbologyException extends InvalidBarcodeException {

    private final String symbologyIdentifier;

    public UnsupportedSymbologyException(String symbologyIdentifier, String message) {
        super(message);
        this.symbologyIdentifier = symbologyIdentifier;
    }

    /** The identifier as transmitted, for example {@code ]A0}. */
    public String symbologyIdentifier() {
        return symbologyIdentifier;
    }
}
