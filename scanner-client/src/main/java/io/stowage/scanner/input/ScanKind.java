package io.stowage.scanner.input;

/** What a scanned code stands for in a warehouse workflow. */
public enum ScanKind {
    /** A storage location such as {@code A-03-02-B}. */
    LOCATION,
    /** A trade item, by GTIN, possibly with lot and expiry. */
    PRODUCT_GTIN,
    /** A logistic unit from another company, by Serial Shipping Container Code. */
    SSCC,
    /** An in-house licence plate on a pallet, tote or carton, such as {@code LPN000123}. */
    LPN,
    /** A worker's badge, such as {@code B1042}. */
    BADGE,
    /** Anything else, including a GS1 label that fails validation. */
    UNKNOWN
}
