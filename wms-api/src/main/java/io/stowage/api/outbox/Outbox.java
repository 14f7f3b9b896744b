package io.stowage.api.outbox;

import java.util.List;
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

    /** An event to append: its type, what it is about, and its payload. */
    public record Event(String type, String subject, Object payload) {
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

    /**
     * The append of several events as a part of the caller's own statement, for a change whose rows
     * and events are written in one round trip: the caller puts {@link Part#sql()} in its
     * {@code WITH} list as a data-modifying query ({@code ..., events AS (<part>) SELECT ...}) and
     * binds {@link Part#bind}. The events are appended in the order given, even if no other part of
     * the statement reads them; none when the list is empty.
     */
    public Part appending(UUID merchantId, List<Event> events) {
        String[] types = new String[events.size()];
        String[] subjects = new String[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            types[i] = events.get(i).type();
            subjects[i] = events.get(i).subject();
            payloads[i] = json.writeValueAsString(events.get(i).payload());
        }
        return new Part("""
                INSERT INTO outbox_events (merchant_id, type, subject, payload)
                SELECT :outboxMerchant, e.type, e.subject, CAST(e.payload AS jsonb)
                FROM unnest(CAST(:outboxTypes AS text[]), CAST(:outboxSubjects AS text[]), CAST(:outboxPayloads AS text[])) WITH ORDINALITY
                     AS e(type, subject, payload, position)
                ORDER BY e.position
                """, merchantId, types, subjects, payloads);
    }

    /** The outbox's insert as a part of another statement; its parameters are named {@code outbox...}. */
    public record Part(String sql, UUID merchantId, String[] types, String[] subjects, String[] payloads) {

        /** Binds the part's parameters to the statement it is part of. */
        public DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec statement) {
            return statement.bind("outboxMerchant", merchantId).bind("outboxTypes", types)
                    .bind("outboxSubjects", subjects).bind("outboxPayloads", payloads);
        }
    }

    /** Appends several events of one merchant in one statement, in the order given; as {@link #append}, inside the change's transaction. */
    public Mono<Void> appendAll(UUID merchantId, List<Event> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        if (events.size() == 1) {
            Event event = events.get(0);
            return append(merchantId, event.type(), event.subject(), event.payload());
        }
        String[] types = new String[events.size()];
        String[] subjects = new String[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            types[i] = events.get(i).type();
            subjects[i] = events.get(i).subject();
            payloads[i] = json.writeValueAsString(events.get(i).payload());
        }
        return db.sql("""
                        INSERT INTO outbox_events (merchant_id, type, subject, payload)
                        SELECT :merchant, e.type, e.subject, CAST(e.payload AS jsonb)
                        FROM unnest(CAST(:types AS text[]), CAST(:subjects AS text[]), CAST(:payloads AS text[])) WITH ORDINALITY
                             AS e(type, subject, payload, position)
                        ORDER BY e.position
                        """)
                .bind("merchant", merchantId).bind("types", types).bind("subjects", subjects).bind("payloads", payloads)
                .then();
    }
}
