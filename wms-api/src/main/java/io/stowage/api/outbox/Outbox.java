package io.stowage.api.outbox;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the transactional outbox. Call it inside the transaction of the change the
 * event describes, so that either both are stored or neither is.
 */
@Component
public class Outbox {

    private final DatabaseClient db;
    private final JsonMapper json;

    public Outbox(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * @param type    the event type, such as {@code variant.back_in_stock}
     * @param subject what the event is about, such as a SKU or an order id
     */
    public Mono<Void> append(UUID merchantId, String type, String subject, Object payload) {
        return db.sql("""
                        INSERT INTO outbox_events (merchant_id, type, subject, payload)
                        VALUES (:merchant, :type, :subject, CAST(:payload AS jsonb))
                        """)
                .bind("merchant", merchantId)
                .bind("type", type)
                .bind("subject", subject)
                .bind("payload", json.writeValueAsString(payload))
                .then();
    }
}
