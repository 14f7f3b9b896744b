package io.stowage.api.returns;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A return as its customer sees it (the JSON of the customer's return page): the RMA, what goes back
 * and how it is resolved, and the return label and drop-off QR code at the customer's own links
 * (under the tracking link), not the merchant's API.
 */
record CustomerReturnView(String rma, String status, String labelPaidBy, boolean exchangeReserved, OffsetDateTime requestedAt,
                          List<ReturnView.ReturnLine> lines, Label label) {

    /** The label's tracking number and links; {@code dropOffQrUrl} null when the carrier takes no parcel without a label. */
    record Label(String carrier, String trackingNumber, long priceMinor, String currency, String pdfUrl, String pngUrl, String zplUrl,
                 String dropOffQrUrl) {
    }

    static CustomerReturnView of(ReturnView view, String token) {
        String base = "/track/" + token + "/return/" + view.rma();
        ReturnView.ReturnLabel label = view.label();
        return new CustomerReturnView(view.rma(), view.status(), view.labelPaidBy(), view.exchangeOrderId() != null, view.requestedAt(),
                view.lines(), label == null ? null : new Label(label.carrier(), label.trackingNumber(), label.priceMinor(), label.currency(),
                base + "/label?format=pdf", base + "/label?format=png", base + "/label?format=zpl",
                label.dropOffCode() == null ? null : base + "/drop-off.png"));
    }
}
