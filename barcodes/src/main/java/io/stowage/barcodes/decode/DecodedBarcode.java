package io.stowage.barcodes.decode;

import io.stowage.barcodes.render.Symbology;

/**
 * A barcode found in an image. For the GS1 symbologies ({@link Symbology#GS1_128},
 * {@link Symbology#GS1_DATA_MATRIX}, {@link Symbology#GS1_QR_CODE}) the text is the bracketed
 * element string, for example {@code (01)09506000134352(10)ABC123}; otherwise it is the symbol's data.
 */
public record DecodedBarcode(Symbology symbology, String text) {
}
