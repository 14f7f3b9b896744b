package io.stowage.api.notifications;

import io.stowage.api.database.Params;
import io.stowage.api.orders.OrderCustomers;
import io.stowage.api.paging.CreationCursor;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The notices of an order, oldest first: what the customer was told, through which channel, and whether it went out. */
@Service
class CustomerNoticeQueries {

    private final DatabaseClient db;
    private final OrderCustomers customers;

    CustomerNoticeQueries(DatabaseClient db, OrderCustomers customers) {
        this.db = db;
        this.customers = customers;
    }

    /**
     * @param status     pending (queued, waiting for a retry, or held: see {@code waitingFor}), sent, failed (given up
     *                   or refused) or cancelled (nothing could send it, or later news of the parcel made it stale: see
     *                   {@code lastError})
     * @param waitingFor for a pending notice held back, the kind of the notice it is sent after: the order's
     *                   confirmation, the parcel's shipped notice, or the parcel's notice of earlier news; null otherwise
     * @param attempts   sending attempts so far
     * @param text       the plain text sent: the email's text part or the whole text message
     */
    record NoticeView(UUID id, UUID orderId, UUID shipmentId, String kind, String channel, String recipient, String language,
                      String subject, String text, String status, String waitingFor, int attempts, String lastError,
                      OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    /** The merchant's order's notices; 404 for an order the merchant does not have. */
    Mono<Page<NoticeView>> forOrder(UUID merchantId, UUID orderId, Integer limit, String after) {
        int size = Cursor.limit(limit);
        CreationCursor cursor = CreationCursor.parse(Cursor.decode(after));
        return customers.of(merchantId, orderId).then(db.sql("""
                        SELECT id, order_id, shipment_id, kind, channel, recipient, language, subject, body_text, status,
                               CASE WHEN status = 'pending' THEN waiting_for END AS waiting_for, attempts, last_error,
                               created_at, sent_at
                        FROM customer_notices
                        WHERE merchant_id = :merchant AND order_id = :order
                          AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                        ORDER BY created_at, id LIMIT :limit
                        """)
                .bind("merchant", merchantId).bind("order", orderId)
                .bind("afterAt", Params.nullable(cursor == null ? null : cursor.createdAt(), OffsetDateTime.class))
                .bind("afterId", Params.nullable(cursor == null ? null : cursor.id(), UUID.class))
                .bind("limit", size + 1)
                .map(row -> new NoticeView(row.get("id", UUID.class), row.get("order_id", UUID.class), row.get("shipment_id", UUID.class),
                        row.get("kind", String.class), row.get("channel", String.class), row.get("recipient", String.class),
                        row.get("language", String.class), row.get("subject", String.class), row.get("body_text", String.class),
                        row.get("status", String.class), row.get("waiting_for", String.class), row.get("attempts", Integer.class),
                        row.get("last_error", String.class),
                        row.get("created_at", OffsetDateTime.class), row.get("sent_at", OffsetDateTime.class)))
                .all().collectList()
                .map(rows -> Page.of(rows, size, row -> CreationCursor.key(row.createdAt(), row.id()))));
    }
}
