package io.stowage.scanner.input;

import java.util.Optional;

/**
 * The symbology a handheld scanner reports through its AIM symbology identifier. Scanners read
 * more symbologies than Stowage prints, such as EAN-13 on retail packaging, so this is wider
 * than the barcodes library's render list.
 */
public enum Symbology {
    CODE_128("]C0", false),
    GS1_128("]C1", true),
    EAN_13("]E0", false),
    EAN_8("]E4", false),
    GS1_DATABAR("]e0", true),
    QR_CODE("]Q1", false),
    GS1_QR_CODE("]Q3", true),
    DATA_MATRIX("]d1", false),
    GS1_DATA_MATRIX("]d2", true),
    /** The scanner sent no AIM identifier, or one Stowage does not know. */
    UNKNOWN("", false);

    private final String aimId;
    private final boolean gs1;

    Symbology(String aimId, boolean gs1) {
        this.aimId = aimId;
        this.gs1 = gs1;
    }

    /** The three-character AIM identifier, such as {@code ]C1}; empty for {@link #UNKNOWN}. */
    public String aimId() {
        return aimId;
    }

    /** Whether symbols of this kind carry GS1 element strings by definition. */
    public boolean gs1() {
        return gs1;
    }

    /** The symbology for an AIM identifier such as {@code ]C1}; empty when it is not one we know. */
    public static Optional<Symbology> fromAimId(String aimId) {
        for (Symbology symbology : values()) {
            if (symbology != UNKNOWN && symbology.aimId.equals(aimId)) {
                return Optional.of(symbology);
            }
        }
        return Optional.empty();
    }
}
