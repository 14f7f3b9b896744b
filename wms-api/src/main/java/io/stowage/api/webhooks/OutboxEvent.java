package io.stowage.api.webhooks;

import io.r2dbc.spi.Readable;
import io.stowage.api.Published;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One outbox event as the fan-out hands it on; {@code payload} is the stored JSON text. */
@Published
public record OutboxEvent(long id, UUID eventId, UUID merchantId, String type, String subject, String payload, OffsetDateTime createdAt) {

    static OutboxEvent from(Readable row) {
        return new OutboxEvent(row.get("id", Long.class), row.get("event_id", UUID.class), row.get("merchant_id", UUID.class),
                row.get("type", String.class), row.get("subject", String.class), row.get("payload", String.class),
                row.get("created_at", OffsetDateTime.class));
    }
}
