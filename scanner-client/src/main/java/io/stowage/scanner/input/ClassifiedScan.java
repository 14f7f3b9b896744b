package io.stowage.scanner.input;

import io.stowage.barcodes.gs1.Gtin;
import io.stowage.barcodes.gs1.Sscc;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A scan with what it means for the workflow.
 *
 * @param code    the identifier in canonical form: GTIN-14 for products, the 18 SSCC digits,
 *                upper-case location, LPN or badge codes; the raw text when unknown
 * @param lot     batch or lot number, AI (10), when the label carries one
 * @param expiry  expiry date, AI (17), when the label carries one
 * @param problem why a GS1 label was not accepted, for the worker's screen
 */
public record ClassifiedScan(ScanKind kind, String code, Scan scan, Optional<String> lot,
                             Optional<LocalDate> expiry, Optional<String> problem) {

    public ClassifiedScan {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(problem, "problem");
    }

    /** The product's GTIN when this is a product scan. */
    public Optional<Gtin> gtin() {
        return kind == ScanKind.PRODUCT_GTIN ? Optional.of(Gtin.parse(code)) : Optional.empty();
    }

    /** The SSCC when this is a logistic-unit scan. */
    public Optional<Sscc> sscc() {
        return kind == ScanKind.SSCC ? Optional.of(Sscc.parse(code)) : Optional.empty();
    }
}
