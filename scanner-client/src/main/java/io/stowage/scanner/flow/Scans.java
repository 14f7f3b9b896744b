package io.stowage.scanner.flow;

import io.stowage.scanner.console.Input;
import io.stowage.scanner.input.ScanKind;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the input a step asks for, and says in a worker's words why an input is not that. These
 * are checks of the barcode's shape only (a location code, a valid GTIN, a number); whether it is
 * the right one for the task is the service's to say.
 */
public final class Scans {

    /** A product as scanned: its GTIN-14, with lot and expiry when the label carried them. */
    public record Item(Optional<String> gtin, Optional<String> sku, Optional<String> lot, Optional<LocalDate> expiry) {

        /** What to show for this item on a screen. */
        public String label() {
            return sku.orElseGet(() -> "GTIN " + gtin.orElse("?")) + lot.map(l -> " lot " + l).orElse("")
                    + expiry.map(e -> " exp " + e).orElse("");
        }

        /** The same product (and lot) as another scan. */
        public boolean sameAs(Item other) {
            return gtin.equals(other.gtin) && sku.map(s -> s.toUpperCase(Locale.ROOT)).equals(other.sku.map(s -> s.toUpperCase(Locale.ROOT)))
                    && lot.equals(other.lot);
        }

        /** Adds the item's identifying fields (gtin or sku, lot_number) to a request body. */
        public void writeTo(tools.jackson.databind.node.ObjectNode body, boolean withExpiry) {
            gtin.ifPresent(g -> body.put("gtin", g));
            sku.ifPresent(s -> body.put("sku", s));
            lot.ifPresent(l -> body.put("lot_number", l));
            if (withExpiry) {
                expiry.ifPresent(e -> body.put("expires_on", e.toString()));
            }
        }
    }

    private Scans() {
    }

    public static Optional<String> location(Input input) {
        if (input instanceof Input.Scanned scanned && scanned.kind() == ScanKind.LOCATION) {
            return Optional.of(scanned.scan().code());
        }
        return Optional.empty();
    }

    /**
     * Why {@code input} is not the scan of the location {@code expected}, in a worker's words; empty
     * when it is (codes compare without case, as printed labels and typed codes differ in it).
     */
    public static Optional<String> wrongLocation(Input input, String expected) {
        Optional<String> location = location(input);
        if (location.isEmpty()) {
            return Optional.of(notA("location " + expected, input));
        }
        if (!location.get().equalsIgnoreCase(expected)) {
            return Optional.of("Wrong location " + location.get() + ": go to " + expected);
        }
        return Optional.empty();
    }

    /** A product scan; {@code expectedSku} also accepts a label that carries the SKU itself. */
    public static Optional<Item> item(Input input, Optional<String> expectedSku) {
        if (!(input instanceof Input.Scanned scanned)) {
            return Optional.empty();
        }
        if (scanned.kind() == ScanKind.PRODUCT_GTIN) {
            return Optional.of(new Item(Optional.of(scanned.scan().code()), Optional.empty(), scanned.scan().lot(), scanned.scan().expiry()));
        }
        // A label carrying the SKU itself; a SKU such as SOCK-1 may look like a site code, so its kind does not matter.
        if (scanned.scan().problem().isEmpty() && expectedSku.isPresent() && scanned.text().equalsIgnoreCase(expectedSku.get())) {
            return Optional.of(new Item(Optional.empty(), expectedSku, Optional.empty(), Optional.empty()));
        }
        return Optional.empty();
    }

    /** A quantity typed on the keypad: digits and Enter. */
    public static Optional<Integer> quantity(Input input) {
        if (input instanceof Input.Scanned scanned && scanned.text().matches("\\d{1,6}")) {
            return Optional.of(Integer.parseInt(scanned.text()));
        }
        return Optional.empty();
    }

    /** A tote on the cart: its number, or a label such as {@code T3} or {@code TOTE-3}. */
    public static Optional<Integer> tote(Input input) {
        if (input instanceof Input.Scanned scanned) {
            String text = scanned.text().toUpperCase(Locale.ROOT);
            if (text.matches("(TOTE-?|T)?\\d{1,3}")) {
                return Optional.of(Integer.parseInt(text.replaceAll("\\D", "")));
            }
        }
        return Optional.empty();
    }

    /** Why an input is not what the step wants ({@code wanted} as "a location"), for the notice. */
    public static String notA(String wanted, Input input) {
        if (input instanceof Input.Pressed pressed) {
            return pressed.key().label() + " does nothing here: scan " + wanted;
        }
        Input.Scanned scanned = (Input.Scanned) input;
        if (scanned.scan().problem().isPresent()) {
            return "Bad label: " + scanned.scan().problem().get();
        }
        String shown = scanned.text().length() > 24 ? scanned.text().substring(0, 24) + "..." : scanned.text();
        String kind = switch (scanned.kind()) {
            case LOCATION -> "a location";
            case PRODUCT_GTIN -> "a product";
            case SSCC -> "a pallet (SSCC)";
            case LPN -> "a licence plate";
            case BADGE -> "a badge";
            case UNKNOWN -> "not a code we know";
        };
        return shown.replaceAll("\\p{Cntrl}", " ") + " is " + kind + ": scan " + wanted;
    }
}
