package io.stowage.api.notifications;

import io.stowage.api.database.Params;
import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.merchants.Merchants;
import io.stowage.api.orders.OrderCustomers;
import io.stowage.api.orders.OrderCustomers.OrderCustomer;
import io.stowage.api.trackpage.TroubleReasons;
import io.stowage.api.tracking.DestinationZones;
import io.stowage.api.tracking.PickupHours;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import io.stowage.api.webhooks.OutboxSubscriber;
import io.stowage.carriers.tracking.PickupPointJson;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues what the customer is told when their order is accepted, their parcel ships, is out for
 * delivery, waits at a pickup point, is delivered, late or in trouble. Runs inside
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
    private final TrackingTokens tokens;

    public CustomerNotices(DatabaseClient db, JsonMapper json, OrderCustomers customers, Merchants merchants, TrackingTokens tokens) {
        this.db = db;
        this.json = json;
        this.customers = customers;
        this.merchants = merchants;
        this.tokens = tokens;
    }

    private static final List<String> TYPES = List.of(EventTypes.ORDER_ACCEPTED, EventTypes.SHIPMENT_SHIPPED,
            EventTypes.SHIPMENT_TRACKING_UPDATED, EventTypes.SHIPMENT_DELIVERED, EventTypes.SHIPMENT_DELAYED, EventTypes.SHIPMENT_EXCEPTION);

    @Override
    public boolean wants(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public Mono<Void> handle(OutboxEvent event) {
        JsonNode payload = json.readTree(event.payload());
        NoticeKind kind = kind(event.type(), payload);
        if (kind == null) {
            return Mono.empty();
        }
        UUID orderId = UUID.fromString(payload.get("order_id").asString());
        return customers.find(event.merchantId(), orderId)
                .filter(customer -> !channels(customer).isEmpty())
                .flatMap(customer -> merchants.names(List.of(event.merchantId()))
                        .zipWith(trackingUrl(event.merchantId(), kind, payload))
                        .flatMap(found -> queue(event, customer,
                                facts(kind, event, payload, customer, found.getT1().get(event.merchantId()), found.getT2()))));
    }

    /**
     * The notice an event asks for, or null: of the tracking updates only out for delivery and ready at
     * a pickup point are told (delivered and exception come as their own events, once per shipment).
     */
    static NoticeKind kind(String type, JsonNode payload) {
        if (EventTypes.ORDER_ACCEPTED.equals(type)) {
            return NoticeKind.ORDER_CONFIRMED;
        }
        if (EventTypes.SHIPMENT_SHIPPED.equals(type)) {
            return NoticeKind.SHIPPED;
        }
        if (EventTypes.SHIPMENT_DELIVERED.equals(type)) {
            return NoticeKind.DELIVERED;
        }
        if (EventTypes.SHIPMENT_DELAYED.equals(type)) {
            return NoticeKind.DELAYED;
        }
        if (EventTypes.SHIPMENT_EXCEPTION.equals(type)) {
            return NoticeKind.EXCEPTION;
        }
        return switch (payload.path("status").asString("")) {
            case "out_for_delivery" -> NoticeKind.OUT_FOR_DELIVERY;
            case "available_for_pickup" -> payload.has("pickup_point") ? NoticeKind.READY_FOR_PICKUP : null;
            default -> null;
        };
    }

    /**
     * The public tracking page: carried by {@code shipment.shipped}, looked up for tracking's events (made
     * now if the parcel had none); empty text for a shipment that is not this merchant's.
     */
    private Mono<String> trackingUrl(UUID merchantId, NoticeKind kind, JsonNode payload) {
        if (kind == NoticeKind.ORDER_CONFIRMED) {
            return Mono.just("");
        }
        if (payload.has("tracking_url")) {
            return Mono.just(payload.get("tracking_url").asString());
        }
        return tokens.forShipment(UUID.fromString(payload.get("shipment_id").asString()))
                .filter(token -> token.merchantId().equals(merchantId))
                .map(TrackingTokens.TrackingToken::url)
                .defaultIfEmpty("");
    }

    /** The facts of the event's notice; the events' own dates are written as the day where the customer lives. */
    private NoticeFacts facts(NoticeKind kind, OutboxEvent event, JsonNode payload, OrderCustomer customer, String merchantName,
                              String trackingUrl) {
        ZoneId zone = DestinationZones.of(customer.country());
        if (kind == NoticeKind.ORDER_CONFIRMED) {
            List<NoticeFacts.Item> items = new ArrayList<>();
            payload.get("lines").forEach(line -> items.add(new NoticeFacts.Item(line.get("sku").asString(), line.get("quantity").asInt())));
            return new NoticeFacts(kind, customer.name(), merchantName, orderId(customer),
                    event.createdAt().atZoneSameInstant(zone).toLocalDate(), items, null, null, null, null, null, null);
        }
        JsonNode when = payload.has("shipped_at") ? payload.get("shipped_at") : payload.get("occurred_at");
        LocalDate eta = payload.path("eta").has("to") ? LocalDate.parse(payload.get("eta").get("to").asString()) : null;
        NoticeFacts.PickupPoint point = null;
        if (payload.has("pickup_point")) {
            JsonNode at = payload.get("pickup_point");
            point = new NoticeFacts.PickupPoint(at.get("name").asString(), text(at, "address"), hours(at.get("opening_hours")),
                    at.has("collect_by") ? LocalDate.parse(at.get("collect_by").asString()) : null);
        }
        return new NoticeFacts(kind, customer.name(), merchantName, payload.get("order_number").asString(), day(when, zone), List.of(),
                payload.get("carrier").asString(), payload.get("tracking_number").asString(), trackingUrl.isEmpty() ? null : trackingUrl,
                eta, reason(kind, payload, eta), point);
    }

    /** The pickup point's opening hours as tracking's event gives them; none when absent or not that shape. */
    private static PickupHours hours(JsonNode openingHours) {
        if (openingHours == null || !openingHours.isObject()) {
            return null;
        }
        try {
            return PickupHours.of(PickupPointJson.readHours(openingHours));
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : null;
    }

    /**
     * The kind of trouble, for words in the customer's language: tracking gives its reason in English
     * (the carrier's own words for an exception), so the notice says what kind of trouble it is
     * rather than passing those words on, by the same rule as the tracking page.
     */
    static String reason(NoticeKind kind, JsonNode payload, LocalDate eta) {
        if (kind != NoticeKind.DELAYED && kind != NoticeKind.EXCEPTION) {
            return null;
        }
        LocalDate promised = payload.has("promised_by") ? LocalDate.parse(payload.get("promised_by").asString()) : null;
        return TroubleReasons.of(kind == NoticeKind.DELAYED ? "delayed" : "exception", payload.path("status").asString(""),
                payload.has("reason") ? payload.get("reason").asString() : null, promised, eta);
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
        OffsetDateTime newsAt = newsAt(event, payload);
        return db.sql("SELECT EXISTS (SELECT 1 FROM notification_settings WHERE merchant_id = :merchant) AS configured")
                .bind("merchant", event.merchantId())
                .map(row -> Boolean.TRUE.equals(row.get("configured", Boolean.class))).one()
                .flatMapMany(smtp -> Flux.fromIterable(channels(customer))
                        .concatMap(channel -> insert(event, customer, shipmentId, facts.kind(), newsAt, channel, notice,
                                channel.equals("email") && !smtp ? NO_SMTP : null)))
                .then();
    }

    /**
     * When the news happened: the parcel's shipping or the carrier's scan (tracking's {@code occurred_at}, the moment
     * the late check noticed for {@code shipment.delayed}), else when the event was written. The send loop
     * compares it to tell a notice that later news of the parcel made stale.
     */
    static OffsetDateTime newsAt(OutboxEvent event, JsonNode payload) {
        for (String field : List.of("shipped_at", "occurred_at")) {
            if (payload.has(field)) {
                return OffsetDateTime.parse(payload.get(field).asString());
            }
        }
        return event.createdAt();
    }

    private Mono<Void> insert(OutboxEvent event, OrderCustomer customer, UUID shipmentId, NoticeKind kind, OffsetDateTime newsAt,
                              String channel, NoticeTexts.Notice notice, String cancelledBecause) {
        boolean email = channel.equals("email");
        return db.sql("""
                        INSERT INTO customer_notices (merchant_id, order_id, shipment_id, kind, news_at, channel, recipient, language,
                                                      event_id, subject, body_text, body_html, status, last_error)
                        VALUES (:merchant, :order, :shipment, :kind, :newsAt, :channel, :recipient, :language, :event, :subject, :text, :html,
                                CASE WHEN CAST(:cancelled AS text) IS NULL THEN 'pending' ELSE 'cancelled' END, :cancelled)
                        ON CONFLICT (order_id, shipment_id, kind, channel) DO NOTHING
                        """)
                .bind("merchant", event.merchantId()).bind("order", customer.orderId())
                .bind("shipment", Params.nullable(shipmentId, UUID.class)).bind("kind", kind.key).bind("newsAt", newsAt)
                .bind("channel", channel)
                .bind("recipient", email ? customer.email() : customer.phone()).bind("language", notice.language())
                .bind("event", event.eventId())
                .bind("subject", Params.nullable(email ? notice.subject() : null, String.class))
                .bind("text", email ? notice.text() : notice.sms())
                .bind("html", Params.nullable(email ? notice.html() : null, String.class))
                .bind("cancelled", Params.nullable(cancelledBecause, String.class))
                .then();
    }
}
