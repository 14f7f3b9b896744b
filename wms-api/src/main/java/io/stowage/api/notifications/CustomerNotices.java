package io.stowage.api.notifications;

import io.stowage.api.database.Params;
import io.stowage.api.merchants.Merchants;
import io.stowage.api.orders.OrderCustomers;
import io.stowage.api.orders.OrderCustomers.OrderCustomer;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import io.stowage.api.webhooks.OutboxSubscriber;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues what the customer is told when their order is accepted or their parcel ships. Runs inside
 * the outbox fan-out's transaction, so the notices commit with the event being marked handled; the
 * queue's unique key (order, shipment, kind, channel) keeps a replayed or re-claimed event from
 * queueing a notice twice. The words are written here, in the customer's language, so every retry
 * sends the same text. An email notice for a merchant without SMTP settings is recorded as
 * cancelled with the reason, so the merchant can see why the customer was not emailed. An event
 * whose order this merchant does not have tells no customer anything, and must not hold up the
 * fan-out of the events behind it.
 */
@Component
public class CustomerNotices implements OutboxSubscriber {

    static final String NO_SMTP = "the merchant has no SMTP settings";

    private final DatabaseClient db;
    private final JsonMapper json;
    private final OrderCustomers customers;
    private final Merchants merchants;

    public CustomerNotices(DatabaseClient db, JsonMapper json, OrderCustomers customers, Merchants merchants) {
        this.db = db;
        this.json = json;
        this.customers = customers;
        this.merchants = merchants;
    }

    @Override
    public boolean wants(String eventType) {
        return EventTypes.ORDER_ACCEPTED.equals(eventType) || EventTypes.SHIPMENT_SHIPPED.equals(eventType);
    }

    @Override
    public Mono<Void> handle(OutboxEvent event) {
        JsonNode payload = json.readTree(event.payload());
        UUID orderId = UUID.fromString(payload.get("order_id").asString());
        return customers.find(event.merchantId(), orderId)
                .filter(customer -> !channels(customer).isEmpty())
                .flatMap(customer -> merchants.names(List.of(event.merchantId()))
                        .flatMap(names -> queue(event, customer, facts(event, payload, customer, names.get(event.merchantId())))));
    }

    /** The facts of the event's notice; the events' own dates are written as the day where the customer lives. */
    private NoticeFacts facts(OutboxEvent event, JsonNode payload, OrderCustomer customer, String merchantName) {
        ZoneId zone = CustomerZones.of(customer.country());
        if (EventTypes.ORDER_ACCEPTED.equals(event.type())) {
            List<NoticeFacts.Item> items = new ArrayList<>();
            payload.get("lines").forEach(line -> items.add(new NoticeFacts.Item(line.get("sku").asString(), line.get("quantity").asInt())));
            return new NoticeFacts(NoticeKind.ORDER_CONFIRMED, customer.name(), merchantName, orderId(customer),
                    event.createdAt().atZoneSameInstant(zone).toLocalDate(), items, null, null, null, null, null, null);
        }
        return new NoticeFacts(NoticeKind.SHIPPED, customer.name(), merchantName, payload.get("order_number").asString(),
                day(payload.get("shipped_at"), zone), List.of(), payload.get("carrier").asString(), payload.get("tracking_number").asString(),
                payload.get("tracking_url").asString(), null, null, null);
    }

    private static String orderId(OrderCustomer customer) {
        return customer.orderId().toString();
    }

    private static LocalDate day(JsonNode timestamp, ZoneId zone) {
        return OffsetDateTime.parse(timestamp.asString()).atZoneSameInstant(zone).toLocalDate();
    }

    /** The channels the customer asked for; the intake made sure each has its address. */
    static List<String> channels(OrderCustomer customer) {
        List<String> channels = new ArrayList<>();
        String notify = customer.notifyVia();
        if ((notify.equals("email") || notify.equals("both")) && customer.email() != null) {
            channels.add("email");
        }
        if ((notify.equals("sms") || notify.equals("both")) && customer.phone() != null) {
            channels.add("sms");
        }
        return channels;
    }

    private Mono<Void> queue(OutboxEvent event, OrderCustomer customer, NoticeFacts facts) {
        NoticeTexts.Notice notice = NoticeTexts.write(customer.language(), facts);
        JsonNode payload = json.readTree(event.payload());
        UUID shipmentId = payload.has("shipment_id") ? UUID.fromString(payload.get("shipment_id").asString()) : null;
        return db.sql("SELECT EXISTS (SELECT 1 FROM notification_settings WHERE merchant_id = :merchant) AS configured")
                .bind("merchant", event.merchantId())
                .map(row -> Boolean.TRUE.equals(row.get("configured", Boolean.class))).one()
                .flatMapMany(smtp -> Flux.fromIterable(channels(customer))
                        .concatMap(channel -> insert(event, customer, shipmentId, facts.kind(), channel, notice,
                                channel.equals("email") && !smtp ? NO_SMTP : null)))
                .then();
    }

    private Mono<Void> insert(OutboxEvent event, OrderCustomer customer, UUID shipmentId, NoticeKind kind, String channel,
                              NoticeTexts.Notice notice, String cancelledBecause) {
        boolean email = channel.equals("email");
        return db.sql("""
                        INSERT INTO customer_notices (merchant_id, order_id, shipment_id, kind, channel, recipient, language, event_id,
                                                      subject, body_text, body_html, status, last_error)
                        VALUES (:merchant, :order, :shipment, :kind, :channel, :recipient, :language, :event, :subject, :text, :html,
                                CASE WHEN CAST(:cancelled AS text) IS NULL THEN 'pending' ELSE 'cancelled' END, :cancelled)
                        ON CONFLICT (order_id, shipment_id, kind, channel) DO NOTHING
                        """)
                .bind("merchant", event.merchantId()).bind("order", customer.orderId())
                .bind("shipment", Params.nullable(shipmentId, UUID.class)).bind("kind", kind.key).bind("channel", channel)
                .bind("recipient", email ? customer.email() : customer.phone()).bind("language", notice.language())
                .bind("event", event.eventId())
                .bind("subject", Params.nullable(email ? notice.subject() : null, String.class))
                .bind("text", email ? notice.text() : notice.sms())
                .bind("html", Params.nullable(email ? notice.html() : null, String.class))
                .bind("cancelled", Params.nullable(cancelledBecause, String.class))
                .then();
    }

    /** Where a customer lives, for the day an event is dated; UTC where the country is not known here. */
    static final class CustomerZones {

        private static final Map<String, String> ZONES = Map.ofEntries(
                Map.entry("LT", "Europe/Vilnius"), Map.entry("LV", "Europe/Riga"), Map.entry("EE", "Europe/Tallinn"),
                Map.entry("UA", "Europe/Kyiv"), Map.entry("SI", "Europe/Ljubljana"), Map.entry("PL", "Europe/Warsaw"),
                Map.entry("FI", "Europe/Helsinki"), Map.entry("DE", "Europe/Berlin"), Map.entry("HR", "Europe/Zagreb"),
                Map.entry("AT", "Europe/Vienna"), Map.entry("IT", "Europe/Rome"), Map.entry("GB", "Europe/London"),
                Map.entry("IE", "Europe/Dublin"), Map.entry("FR", "Europe/Paris"), Map.entry("NL", "Europe/Amsterdam"),
                Map.entry("SE", "Europe/Stockholm"), Map.entry("CZ", "Europe/Prague"), Map.entry("ES", "Europe/Madrid"));

        private CustomerZones() {
        }

        static ZoneId of(String country) {
            String zone = country == null ? null : ZONES.get(country);
            return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        }
    }
}
