package io.stowage.api.returns;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A return as the merchant and the returns station read it: its RMA, the order it returns, its lines
 * (with the exchange variant when one was asked for), the exchange order, the return label (null when
 * the order's carrier sells none: the customer sends the parcel with the RMA), and once received the
 * grades and the photos' URLs.
 */
record ReturnView(UUID id, String rma, UUID orderId, String status, String requestedBy, String labelPaidBy, UUID exchangeOrderId,
                  OffsetDateTime requestedAt, OffsetDateTime receivedAt, ReturnLabel label, List<ReturnLine> lines, List<ReturnGrade> grades,
                  List<ReturnPhoto> photos) {

    /**
     * The return label: links to it as PDF, PNG and ZPL, its price (paid by {@code labelPaidBy}), and
     * where the carrier takes parcels without a printed label, the drop-off code and its QR code.
     */
    record ReturnLabel(String carrier, String serviceCode, String trackingNumber, String trackingUrl, long priceMinor, String currency,
                       String pdfUrl, String pngUrl, String zplUrl, String dropOffCode, String dropOffQrUrl) {
    }

    record ReturnLine(int lineNo, String sku, int quantity, String reason, String resolution, String exchangeSku, int received) {
    }

    record ReturnGrade(String sku, int quantity, String grade, String locationCode, String gradedBy, OffsetDateTime gradedAt) {
    }

    record ReturnPhoto(UUID id, String contentType, int width, int height, String url, OffsetDateTime takenAt) {
    }

    /** The label's formats, as the files are named in its URLs. */
    enum LabelFormat {
        PDF("application/pdf"), PNG("image/png"), ZPL("application/zpl");

        final String contentType;

        LabelFormat(String contentType) {
            this.contentType = contentType;
        }

        String extension() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** {@code pdf} (the default: what a customer prints at home), {@code png} or {@code zpl}; a 422 problem for anything else. */
        static LabelFormat parse(String format) {
            if (format == null) {
                return PDF;
            }
            for (LabelFormat known : values()) {
                if (known.extension().equalsIgnoreCase(format.trim())) {
                    return known;
                }
            }
            throw io.stowage.api.problem.ApiProblem.invalid("format", "must be pdf, png or zpl");
        }
    }

    static String labelUrl(UUID returnId, LabelFormat format) {
        return "/api/v1/returns/" + returnId + "/label?format=" + format.extension();
    }

    static String dropOffQrUrl(UUID returnId) {
        return "/api/v1/returns/" + returnId + "/drop-off.png";
    }

    static String photoUrl(UUID returnId, UUID photoId) {
        return "/api/v1/returns/" + returnId + "/photos/" + photoId;
    }
}
