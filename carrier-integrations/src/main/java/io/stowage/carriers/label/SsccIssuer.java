package io.stowage.carriers.label;

import io.stowage.barcodes.gs1.InvalidBarcodeException;
import io.stowage.barcodes.gs1.Sscc;

/**
 * Issues SSCCs for cartons from a GS1 company prefix: the merchant's own when it has one, else the
 * 3PL's. The check digit is computed by {@link Sscc#of}.
 */
public final class SsccIssuer {

    private final String gs1CompanyPrefix;
    private final int extensionDigit;
    private final SerialReferenceSource serials;

    /** @throws LabelRenderingException when the prefix or extension digit is not valid GS1 */
    public SsccIssuer(String gs1CompanyPrefix, int extensionDigit, SerialReferenceSource serials) {
        try {
            Sscc.of(gs1CompanyPrefix, extensionDigit, 0);
        } catch (InvalidBarcodeException e) {
            throw new LabelRenderingException("cannot issue SSCCs: " + e.getMessage(), e);
        }
        this.gs1CompanyPrefix = gs1CompanyPrefix;
        this.extensionDigit = extensionDigit;
        this.serials = serials;
    }

    /** @throws LabelRenderingException when the prefix's serial range is used up */
    public Sscc next() {
        long serial = serials.next(gs1CompanyPrefix);
        try {
            return Sscc.of(gs1CompanyPrefix, extensionDigit, serial);
        } catch (InvalidBarcodeException e) {
            throw new LabelRenderingException("SSCC serial range of prefix " + gs1CompanyPrefix + " is exhausted: "
                    + e.getMessage(), e);
        }
    }
}
