package io.stowage.barcodes.gs1;

/**
 * The single error type of the barcodes library: a code, element string, URI or image that
 * cannot be read or does not follow the GS1 rules. The message names the offending part so a
 * warehouse worker or merchant can act on it.
 */
public class InvalidBarcodeException extends IllegalArgumentException {

    public InvalidBarcodeException(String message) {
        super(message);
    }

    public InvalidBarcodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
