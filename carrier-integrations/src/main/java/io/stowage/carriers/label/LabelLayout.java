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
 * order reference, the tracking number as Code 128 and the SSCC as GS1-128.
 */
public final class LabelLayout {

    public static final int DPI = 203;
    public static final int WIDTH_DOTS = 4 * DPI;
    public static final int HEIGHT_DOTS = 6 * DPI;

    private static final int MARGIN = 30;
    // A rough average glyph width of a sans-serif font as a share of its height, to cut lines that would overflow.
    private static final double AVERAGE_GLYPH_WIDTH = 0.56;

    private LabelLayout() {
    }

    public static List<LabelElement> lay(ShippingLabel label) {
        List<LabelElement> elements = new ArrayList<>();
        int textWidth = WIDTH_DOTS - 2 * MARGIN;
        elements.add(text(MARGIN, 24, 52, true, label.carrierName(), textWidth));
        elements.add(text(MARGIN, 84, 30, false, label.serviceName(), textWidth));

        int qrSize = 200;
        int qrX = WIDTH_DOTS - MARGIN - qrSize;
        elements.add(new LabelElement.Barcode(qrX, 120, qrSize, qrSize, Symbology.QR_CODE, label.trackingUrl()));
        int senderWidth = qrX - MARGIN - 10;
        elements.add(text(MARGIN, 130, 22, true, "FROM", senderWidth));
        int y = 158;
        for (String line : addressLines(label.sender())) {
            elements.add(text(MARGIN, y, 24, false, line, senderWidth));
            y += 30;
        }
        elements.add(new LabelElement.Rule(330, 4));

        elements.add(text(MARGIN, 345, 24, true, "TO", textWidth));
        y = 378;
        for (String line : addressLines(label.recipient())) {
            elements.add(text(MARGIN, y, 40, true, line, textWidth));
            y += 48;
        }
        elements.add(new LabelElement.Rule(640, 4));

        String weight = String.format(Locale.ROOT, "%.2f kg", label.weightGrams() / 1000.0);
        elements.add(text(MARGIN, 656, 28, false, "Weight " + weight + "   Ship "
                + label.shipDate().format(DateTimeFormatter.ISO_LOCAL_DATE), textWidth));
        elements.add(text(MARGIN, 692, 28, true, "Order " + label.orderReference(), textWidth));

        elements.add(new LabelElement.Barcode(MARGIN, 740, textWidth, 160, Symbology.CODE_128, label.trackingNumber()));
        elements.add(text(MARGIN, 908, 30, true, label.trackingNumber(), textWidth));
        elements.add(new LabelElement.Rule(950, 4));

        elements.add(text(MARGIN, 962, 22, true, "SSCC", textWidth));
        elements.add(new LabelElement.Barcode(MARGIN, 990, textWidth, 160, Symbology.GS1_128, label.sscc().elementString()));
        elements.add(text(MARGIN, 1158, 30, false, label.sscc().elementString(), textWidth));
        return List.copyOf(elements);
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
        int maxChars = (int) (maxWidth / (height * AVERAGE_GLYPH_WIDTH));
        String fitted = text.length() > maxChars ? text.substring(0, Math.max(0, maxChars - 3)) + "..." : text;
        return new LabelElement.Text(x, y, height, bold, fitted);
    }
}
