package io.stowage.api.returns;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A return as the merchant and the returns station read it: its RMA, the order it returns, its lines
 * (with the exchange variant when one was asked for), the exchange order, and once received the
 * grades and the photos' URLs.
 */
record ReturnView(UUID id, String rma, UUID orderId, String status, String requestedBy, String labelPaidBy, UUID exchangeOrderId,
                  OffsetDateTime requestedAt, OffsetDateTime receivedAt, List<ReturnLine> lines, List<ReturnGrade> grades, List<ReturnPhoto> photos) {

    record ReturnLine(int lineNo, String sku, int quantity, String reason, String resolution, String exchangeSku, int received) {
    }

    record ReturnGrade(String sku, int quantity, String grade, String locationCode, String gradedBy, OffsetDateTime gradedAt) {
    }

    record ReturnPhoto(UUID id, String contentType, int width, int height, String url, OffsetDateTime takenAt) {
    }

    static String photoUrl(UUID returnId, UUID photoId) {
        return "/api/v1/returns/" + returnId + "/photos/" + photoId;
    }
}
