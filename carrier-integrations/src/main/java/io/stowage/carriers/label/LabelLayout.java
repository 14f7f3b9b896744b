package io.stowage.carriers.label;

import io.stowage.barcodes.render.Symbology;
import io.stowage.carriers.spi.Address;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Places a shipping label's content on a 4x6 inch page at 203 dpi (812 x 1218 dots): carrier and
 * service, sender with the tracking-page QR code beside it, recipient in large type, weight and
 * order reference, the tracking number as Code 128 and the SSCC as GS1-128, 32 mm tall as GS1
 * logistic labels ask. Barcodes are sized to fit ({@link BarcodeFitting}) and text that would run
 * past the margin is shortened with an ellipsis, so nothing is cut off at the label's edge.
 */
public final class LabelLayout {

    public static final int DPI = 203;
    public static final int WIDTH_DOTS = 4 * DPI;
    public static final int HEIGHT_DOTS = 6 * DPI;
    /** GS1 logistic labels: the SSCC's bars are 32 mm tall. */
    public static final int SSCC_HEIGHT_DOTS = Math.round(32 / 25.4f * DPI);
    /** GS1 logistic labels: the SSCC's module is 0.495 mm or more, which is 4 dots at 203 dpi. */
    public static final int SSCC_MODULE_DOTS = 4;

    static final int MARGIN = 30;
    /** 0.25 mm: the narrowest Code 128 module carriers' scanners read off 203 dpi thermal print. */
    static final int TRACKING_MIN_MODULE_DOTS = 2;
    static final int TRACKING_MAX_MODULE_DOTS = 4;
    static final int QR_BOX_DOTS = 200;

    private LabelLayout() {
    }

    /** @throws LabelRenderingException when a barcode cannot be encoded or cannot fit on the label */
    public static List<LabelElement> lay(ShippingLabel label) {
        List<LabelElement> elements = head(label.carrierName(), label.serviceName(), label.sender(), label.recipient(), label.weightGrams(),
                label.trackingNumber(), label.trackingUrl(), label.orderReference(), label.shipDate());
        int textWidth = WIDTH_DOTS - 2 * MARGIN;
        elements.add(text(MARGIN, 836, 22, true, "SSCC", textWidth));
        elements.add(BarcodeFitting.linear(Symbology.GS1_128, label.sscc().elementString(), 0, WIDTH_DOTS, 864,
                SSCC_HEIGHT_DOTS, SSCC_MODULE_DOTS, SSCC_MODULE_DOTS));
        elements.add(text(MARGIN, 864 + SSCC_HEIGHT_DOTS + 8, 28, false, label.sscc().elementString(), textWidth));
        return List.copyOf(elements);
    }

    /**
     * A return label: the same head as a shipping label, and the RMA as Code 128 where a shipping
     * label has its SSCC (a return parcel has no SSCC; the returns station scans the RMA).
     *
     * @throws LabelRenderingException when a barcode cannot be encoded or cannot fit on the label
     */
    public static List<LabelElement> lay(ReturnShippingLabel label) {
        List<LabelElement> elements = head(label.carrierName(), label.serviceName() + " - RETURN", label.sender(), label.recipient(),
                label.weightGrams(), label.trackingNumber(), label.trackingUrl(), label.orderReference(), label.shipDate());
        int textWidth = WIDTH_DOTS - 2 * MARGIN;
        elements.add(text(MARGIN, 836, 22, true, "RMA", textWidth));
        elements.add(BarcodeFitting.linear(Symbology.CODE_128, label.rma(), 0, WIDTH_DOTS, 864, 160,
                TRACKING_MIN_MODULE_DOTS, SSCC_MODULE_DOTS));
        elements.add(text(MARGIN, 864 + 160 + 8, 40, true, label.rma(), textWidth));
        return List.copyOf(elements);
    }

    /** Carrier, service, sender with the tracking QR code, recipient, weight, order and the tracking number: everything above the SSCC. */
    private static List<LabelElement> head(String carrierName, String serviceName, Address sender, Address recipient, int weightGrams,
                                           String trackingNumber, String trackingUrl, String orderReference, java.time.LocalDate shipDate) {
        List<LabelElement> elements = new ArrayList<>();
        int textWidth = WIDTH_DOTS - 2 * MARGIN;
        elements.add(text(MARGIN, 16, 48, true, carrierName, textWidth));
        elements.add(text(MARGIN, 70, 28, false, serviceName, textWidth));

        int qrX = WIDTH_DOTS - MARGIN - QR_BOX_DOTS;
        elements.add(BarcodeFitting.qr(trackingUrl, qrX, 104, QR_BOX_DOTS));
        int senderWidth = qrX - MARGIN - 10;
        elements.add(text(MARGIN, 110, 22, true, "FROM", senderWidth));
        int y = 138;
        for (String line : addressLines(sender)) {
            elements.add(text(MARGIN, y, 22, false, line, senderWidth));
            y += 28;
        }
        elements.add(new LabelElement.Rule(312, 4));

        elements.add(text(MARGIN, 322, 24, true, "TO", textWidth));
        y = 350;
        for (String line : addressLines(recipient)) {
            elements.add(text(MARGIN, y, 38, true, line, textWidth));
            y += 44;
        }
        elements.add(new LabelElement.Rule(574, 4));

        String weight = String.format(Locale.ROOT, "%.2f kg", weightGrams / 1000.0);
        elements.add(text(MARGIN, 586, 26, false, "Weight " + weight + "   Ship "
                + shipDate.format(DateTimeFormatter.ISO_LOCAL_DATE), textWidth));
        elements.add(text(MARGIN, 616, 26, true, "Order " + orderReference, textWidth));

        elements.add(BarcodeFitting.linear(Symbology.CODE_128, trackingNumber, 0, WIDTH_DOTS, 652, 130,
                TRACKING_MIN_MODULE_DOTS, TRACKING_MAX_MODULE_DOTS));
        elements.add(text(MARGIN, 788, 28, true, trackingNumber, textWidth));
        elements.add(new LabelElement.Rule(826, 4));
        return elements;
    }

    static List<String> addressLines(Address address) {
        List<String> lines = new ArrayList<>();
        addIfPresent(lines, address.name());
        addIfPresent(lines, address.company());
        addIfPresent(lines, address.street1());
        addIfPresent(lines, address.street2());
        addIfPresent(lines, (address.postalCode() + " " + address.city()).trim());
        addIfPresent(lines, address.country());
        return lines.size() > 5 ? lines.subList(0, 5) : lines;
    }

    private static void addIfPresent(List<String> lines, String line) {
        if (!line.isBlank()) {
            lines.add(line.strip());
        }
    }

    private static LabelElement.Text text(int x, int y, int height, boolean bold, String text, int maxWidth) {
        return new LabelElement.Text(x, y, height, bold, LabelFonts.fit(text, height, bold, maxWidth));
    }
}
