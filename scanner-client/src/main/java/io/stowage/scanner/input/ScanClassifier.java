package io.stowage.scanner.input;

import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.Gtin;
import io.stowage.barcodes.gs1.InvalidBarcodeException;
import io.stowage.barcodes.gs1.Sscc;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what a scan is for: GS1 data first (an SSCC label wins over the product data it may
 * also carry), then the site's own location, LPN and badge codes, then bare GTINs and SSCCs as
 * printed under EAN/UPC symbols or typed in by hand.
 */
public final class ScanClassifier {

    private final ScanPatterns patterns;

    public ScanClassifier(ScanPatterns patterns) {
        this.patterns = patterns;
    }

    /** A classifier for the default code shapes in {@link ScanPatterns#defaults()}. */
    public static ScanClassifier withDefaults() {
        return new ScanClassifier(ScanPatterns.defaults());
    }

    public ClassifiedScan classify(Scan scan) {
        if (scan.gs1().isPresent()) {
            return classifyGs1(scan, scan.gs1().get());
        }
        Optional<String> problem = ScanParser.gs1Problem(scan);
        if (problem.isPresent()) {
            return unknown(scan, problem);
        }
        String text = scan.raw().trim();
        String upper = text.toUpperCase(Locale.ROOT);
        if (patterns.location().matcher(text).matches()) {
            return simple(ScanKind.LOCATION, upper, scan);
        }
        if (patterns.lpn().matcher(text).matches()) {
            return simple(ScanKind.LPN, upper, scan);
        }
        if (patterns.badge().matcher(text).matches()) {
            return simple(ScanKind.BADGE, upper, scan);
        }
        if (Gtin.isValid(text)) {
            return simple(ScanKind.PRODUCT_GTIN, Gtin.parse(text).toGtin14(), scan);
        }
        if (text.length() == 18) {
            try {
                return simple(ScanKind.SSCC, Sscc.parse(text).value(), scan);
            } catch (InvalidBarcodeException e) {
                return unknown(scan, Optional.of(e.getMessage()));
            }
        }
        return unknown(scan, Optional.empty());
    }

    private static ClassifiedScan classifyGs1(Scan scan, ElementString gs1) {
        Optional<String> lot = gs1.get("10");
        Optional<LocalDate> expiry = gs1.getDate("17");
        Optional<String> sscc = gs1.get("00");
        if (sscc.isPresent()) {
            return new ClassifiedScan(ScanKind.SSCC, sscc.get(), scan, lot, expiry, Optional.empty());
        }
        Optional<String> gtin = gs1.get("01").or(() -> gs1.get("02"));
        if (gtin.isPresent()) {
            return new ClassifiedScan(ScanKind.PRODUCT_GTIN, gtin.get(), scan, lot, expiry, Optional.empty());
        }
        return unknown(scan, Optional.of("GS1 label " + gs1.bracketed() + " carries neither an SSCC (00) nor a GTIN (01)"));
    }

    private static ClassifiedScan simple(ScanKind kind, String code, Scan scan) {
        return new ClassifiedScan(kind, code, scan, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static ClassifiedScan unknown(Scan scan, Optional<String> problem) {
        return new ClassifiedScan(ScanKind.UNKNOWN, scan.raw(), scan, Optional.empty(), Optional.empty(), problem);
    }
}
