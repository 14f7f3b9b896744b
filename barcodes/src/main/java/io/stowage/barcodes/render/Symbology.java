package io.stowage.barcodes.render;

/** The barcode symbologies Stowage prints and reads. */
public enum Symbology {
    /** Code 128 with free text, for locations, LPNs and badges. */
    CODE_128,
    /** Code 128 carrying a GS1 element string (FNC1 in first position), for SSCC and product labels. */
    GS1_128,
    /** QR Code with free text, for example a GS1 Digital Link URI. */
    QR_CODE,
    /** Data Matrix (ECC 200) with free text in any language (UTF-8, marked with an ECI where needed). */
    DATA_MATRIX,
    /** GS1 DataMatrix: Data Matrix carrying a GS1 element string, FNC1 in first position (read as {@code ]d2}). */
    GS1_DATA_MATRIX,
    /** GS1 QR Code: QR Code carrying a GS1 element string, FNC1 in first position (read as {@code ]Q3}). */
    GS1_QR_CODE
}
