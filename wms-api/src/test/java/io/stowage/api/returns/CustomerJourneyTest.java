package io.stowage.api.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.packing.PackingFloor;
import io.stowage.api.support.SmtpServer;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.FastTrackingTest;
import io.stowage.api.webhooks.WebhookReceiver;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's "done when", as one customer's story over HTTP on a real PostgreSQL, with every email
 * received by a real SMTP server: Ona orders two tees from a merchant shipping with the sandbox carrier;
 * they go as two parcels, one moved to delivered by polls of the carrier's tracking (its webhooks lost),
 * the other by the carrier's webhooks; the second is labelled after the promised date, so it is late,
 * and Ona (by email) and the merchant (by {@code shipment.delayed}) are warned of it once; from the link in her email Ona returns one tee and
 * exchanges the other for another size, reserved at once as a new order linked to the return; the
 * returns station scans the return and restocks it, and the restocked tee reaches a shopper waiting
 * for it, by email.
 */
class CustomerJourneyTest extends FastTrackingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final SmtpServer smtp = new SmtpServer();

    @Autowired
    DatabaseClient db;


    private final WebhookReceiver merchantsServer = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        merchantsServer.close();
    }

    @Test
    void onaIsWarnedOnceOfHerLateParcelReturnsOneTeeExchangesTheOtherAndTheRestockReachesAWaitingShopper() throws Exception {
        // The merchant ships with the sandbox carrier, emails its customers through its own SMTP server and hears of its shipments and returns by webhook
        PackingFloor floor = ReturnableOrder.floor(this);
        WebTestClient merchant = floor.world.merchant(this);
        merchant.put().uri("/api/v1/notification-settings").bodyValue(Map.of(
                        "smtp_host", "127.0.0.1", "smtp_port", smtp.getSmtp().getPort(), "from_address", "shop@example.com", "starttls", false))
                .exchange().expectStatus().isOk();
        merchant.post().uri("/api/v1/webhook-endpoints").bodyValue(Map.of("url", merchantsServer.url("/events", 200),
                        "event_types", List.of("shipment.*", "return.*")))
                .exchange().expectStatus().isCreated();
        String ona = unique("ona").toLowerCase(Locale.ROOT) + "@example.com";
        String shopper = unique("shopper").toLowerCase(Locale.ROOT) + "@example.com";

        // Ona orders both tees, promised in ten days, and wants to hear by email; the last navy M is hers, so a shopper waits for more
        ReturnableOrder.Parcels order = ReturnableOrder.Parcels.placed(this, floor,
                Map.of("email", ona, "language", "en", "notify", "email"), LocalDate.now(ZoneOffset.UTC).plusDays(10));
        merchant.post().uri("/api/v1/back-in-stock-subscriptions").bodyValue(Map.of("sku", "TEE-M-NAVY", "email", shopper))
                .exchange().expectStatus().is2xxSuccessful();
        assertThat(awaitMail(ona, "is confirmed").getSubject()).isEqualTo("Order " + order.orderId + " is confirmed");

        // The packer closes the navy tee's carton first, and the sandbox carrier collects the parcel as soon as it is labelled.
        // Its webhooks for this parcel get lost after the label: the polls of its tracking bring it to the door, in time
        String first = order.label("TEE-M-NAVY");
        loseWebhooks(order.trackingNumber(first));
        Map<?, ?> firstDelivered = awaitTracking(merchant, first, "delivered");
        assertThat(flag(firstDelivered)).as("delivered in time").isNull();
        assertThat(sources(first, "delivered")).containsExactly("poll");

        // Days pass before the sand tee is packed: the promised date goes by, so its parcel is late from its label on
        db.sql("UPDATE orders SET promised_on = :yesterday WHERE id = CAST(:id AS uuid)")
                .bind("yesterday", LocalDate.now(ZoneOffset.UTC).minusDays(1)).bind("id", order.orderId).fetch().rowsUpdated().block();
        // The carrier keeps it at its hub until Ona has been warned: once it is out for delivery, "it is late" is no longer news
        // (the notice would be dropped as stale), and on a loaded machine the sandbox's journey of seconds can outrun the emails
        String second = order.label("TEE-S-SAND");
        shiftJourney(order.trackingNumber(second), Duration.ofHours(1));
        order.ship(first, second);
        Map<?, ?> lateEvent = (Map<?, ?>) awaitEvent("shipment.delayed", second).get("data");
        assertThat((String) lateEvent.get("reason")).contains("promised date");
        MimeMessage delayed = awaitMail(ona, "is delayed");
        assertThat(text(delayed)).contains("Your parcel is running late", "You do not need to do anything");
        shiftJourney(order.trackingNumber(second), Duration.ofHours(-1));
        awaitTracking(merchant, second, "delivered");
        // The sandbox recorded every scan of it as sent: its webhook runs do not send the parcel's news again and again
        Eventually.await(() -> db.sql("SELECT webhooks_sent >= jsonb_array_length(scans) AS all_sent FROM sandbox_parcels WHERE tracking_number = :number")
                .bind("number", order.trackingNumber(second)).map(row -> row.get("all_sent", Boolean.class)).one().block());
        Eventually.await(() -> "delivered".equals(orderStatus(merchant, order.orderId)));

        // The second parcel's news came by the carrier's webhooks; each parcel's delivery was told once, and the late one's delay once
        assertThat(sources(second, null)).contains("webhook");
        Map<String, Long> once = Map.of("first delayed", 0L, "second delayed", 1L, "first delivered", 1L, "second delivered", 1L);
        Eventually.until(() -> toldOf(first, second), once::equals);
        Eventually.throughout(Duration.ofSeconds(2), () -> once.equals(toldOf(first, second)));
        assertThat(mailTo(ona)).filteredOn(mail -> subject(mail).endsWith("is delayed")).hasSize(1);
        assertThat(mailTo(ona)).filteredOn(mail -> subject(mail).endsWith("was delivered")).hasSize(2);
        // Each parcel's news reached her in the order of its life, each once, though the carrier delivered the first, and the
        // second turned late, before the load's manifest closed (news between, as "ready for pickup", only while it was news)
        for (String parcel : List.of(first, second)) {
            List<String> news = newsOf(ona, order.orderId, order.trackingNumber(parcel));
            assertThat(news).as("parcel %s", parcel).startsWith("is on its way").endsWith("was delivered").doesNotHaveDuplicates();
        }
        assertThat(newsOf(ona, order.orderId, order.trackingNumber(second))).containsSubsequence("is on its way", "is delayed", "was delivered");

        // From the link in her email Ona returns the navy tee for a refund and exchanges the sand one for a navy L
        String token = trackingToken(mailTo(ona).stream().filter(mail -> subject(mail).endsWith("is on its way"))
                .map(CustomerJourneyTest::text).filter(body -> body.contains(order.trackingNumber(second))).findFirst().orElseThrow());
        WebTestClient onasPhone = web.mutate().defaultHeader("X-Forwarded-For", "198.51.100.12-" + UUID.randomUUID()).build();
        onasPhone.get().uri("/track/{token}", token).exchange().expectStatus().isOk();
        Map<?, ?> opened = onasPhone.post().uri("/track/{token}/return.json", token)
                .bodyValue(Map.of("email", ona.toUpperCase(Locale.ROOT), "items", List.of(
                        Map.of("sku", "TEE-M-NAVY", "quantity", 1, "reason", "changed_mind"),
                        Map.of("sku", "TEE-S-SAND", "quantity", 1, "reason", "wrong_size", "exchange_sku", "TEE-L-NAVY"))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(opened.get("exchange_reserved")).isEqualTo(true);
        String rma = (String) opened.get("rma");

        // The returns station scans the RMA: the return names its exchange order, allocated at once
        WebTestClient station = as(PackingFloor.worker(this, floor.world, "R" + floor.world.badge, "Returns " + floor.world.badge, "returns"));
        Map<?, ?> scanned = station.get().uri("/api/v1/return-station/returns/{code}", rma).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String exchange = (String) scanned.get("exchange_order_id");
        merchant.get().uri("/api/v1/orders/{id}", exchange).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("allocated").jsonPath("$.lines[0].sku").isEqualTo("TEE-L-NAVY")
                .jsonPath("$.lines.length()").isEqualTo(1).jsonPath("$.customer.email").isEqualTo(ona);
        Map<?, ?> requested = (Map<?, ?>) awaitEvent("return.requested", scanned.get("id")).get("data");
        assertThat(requested.get("exchange_order_id")).isEqualTo(exchange);
        assertThat(awaitMail(ona, "Order " + exchange + " is confirmed")).as("Ona hears of her exchange as of her order").isNotNull();

        // and grades both tees restock: the navy M is sellable again and reaches the shopper who waited, by email
        station.post().uri("/api/v1/returns/{id}/receipt", scanned.get("id")).header("Idempotency-Key", "receipt-" + rma)
                .bodyValue(Map.of("location_code", "A-01-01-A", "items", List.of(
                        Map.of("item", "TEE-M-NAVY", "quantity", 1, "grade", "restock"),
                        Map.of("item", "TEE-S-SAND", "quantity", 1, "grade", "restock"))))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("received");
        assertThat(awaitMail(shopper, "back in stock").getSubject()).isEqualTo("Linen tee M Navy is back in stock");
        Map<?, ?> received = (Map<?, ?>) awaitEvent("return.received", scanned.get("id")).get("data");
        assertThat(received.toString()).contains("restock");
        Eventually.throughout(Duration.ofSeconds(1), () -> mailTo(shopper).size() == 1);
        assertBooksAgree(floor.world.merchantId);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** The plain-text part of a notice (multipart/alternative), or the whole body of a plain message. */
    /** What the recipient was told of the parcel, in the order it came: each email's subject after the order number. */
    private static List<String> newsOf(String recipient, String orderId, String trackingNumber) {
        return mailTo(recipient).stream().filter(mail -> text(mail).contains(trackingNumber))
                .map(mail -> subject(mail).substring(subject(mail).indexOf(orderId) + orderId.length() + 1)).toList();
    }

    private static String text(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof Multipart parts) {
                return parts.getBodyPart(0).getContent().toString();
            }
            return content.toString();
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The token of the customer's tracking page, from the link in an email. */
    private static String trackingToken(String text) {
        Matcher link = Pattern.compile("/track/([A-Za-z0-9_-]+)").matcher(text);
        assertThat(link.find()).as("a tracking link in %s", text).isTrue();
        return link.group(1);
    }

    private static MimeMessage awaitMail(String recipient, String subjectPart) {
        Eventually.await(() -> mailTo(recipient).stream().anyMatch(mail -> subject(mail).contains(subjectPart)));
        return mailTo(recipient).stream().filter(mail -> subject(mail).contains(subjectPart)).findFirst().orElseThrow();
    }

    private static List<MimeMessage> mailTo(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> ((InternetAddress) address).getAddress().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private Map<?, ?> awaitTracking(WebTestClient merchant, String shipmentId, String status) {
        return Eventually.until(() -> merchant.get().uri("/api/v1/shipments/{id}/tracking", shipmentId).exchange()
                        .expectBody(Map.class).returnResult().getResponseBody(),
                tracking -> tracking != null && tracking.get("summary") instanceof Map<?, ?> summary && status.equals(summary.get("status")));
    }

    private static Object flag(Map<?, ?> tracking) {
        return ((Map<?, ?>) tracking.get("summary")).get("flag");
    }

    private static String orderStatus(WebTestClient merchant, String orderId) {
        return (String) merchant.get().uri("/api/v1/orders/{id}", orderId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("status");
    }

    /** The merchant's webhooks of the type about the subject (a shipment or a return), each delivery as it came. */
    private List<WebhookReceiver.Received> deliveries(String type, Object subject) {
        return merchantsServer.at("/events").stream().filter(received -> {
            Map<?, ?> event = JSON.readValue(received.body(), Map.class);
            Map<?, ?> data = (Map<?, ?>) event.get("data");
            return type.equals(event.get("type"))
                    && (String.valueOf(subject).equals(data.get("shipment_id")) || String.valueOf(subject).equals(data.get("return_id")));
        }).toList();
    }

    /** How many events of the type about the subject the merchant was told: repeated deliveries of one event (its webhook-id) count once. */
    private long told(String type, Object subject) {
        return deliveries(type, subject).stream().map(received -> received.header("webhook-id")).distinct().count();
    }

    /** How many delays and deliveries of the two parcels the merchant was told. */
    private Map<String, Long> toldOf(String first, String second) {
        return Map.of("first delayed", told("shipment.delayed", first), "second delayed", told("shipment.delayed", second),
                "first delivered", told("shipment.delivered", first), "second delivered", told("shipment.delivered", second));
    }

    /** The first webhook of the type about the subject, once it came. */
    private Map<?, ?> awaitEvent(String type, Object subject) {
        Eventually.await(() -> !deliveries(type, subject).isEmpty());
        return JSON.readValue(deliveries(type, subject).get(0).body(), Map.class);
    }

    /** How the carrier's events of the parcel (of one status, or all) came in: by its webhooks, by polls of its tracking. */
    private List<String> sources(String shipmentId, String status) {
        return db.sql("""
                        SELECT DISTINCT e.source FROM tracking_events e
                        JOIN shipment_tracking t ON t.carrier_code = e.carrier_code AND t.tracking_number = e.tracking_number
                        WHERE t.shipment_id = CAST(:id AS uuid) AND (CAST(:status AS text) IS NULL OR e.carrier_status = :status)
                        """)
                .bind("id", shipmentId).bind("status", io.stowage.api.database.Params.nullable(status, String.class))
                .map(row -> row.get("source", String.class)).all().collectList().block();
    }

    /**
     * Moves the parcel's scans still to come by the shift (those already made stay), as a carrier whose parcel waits at
     * its hub; the opposite shift afterwards lets the parcel move on from where it waited. The sandbox's webhook runs
     * never write a parcel's scans back, so they cannot undo it.
     */
    private void shiftJourney(String trackingNumber, Duration shift) {
        long updated = db.sql("""
                        UPDATE sandbox_parcels SET scans = (
                            SELECT jsonb_agg(CASE WHEN CAST(s ->> 'at' AS timestamptz) > now()
                                                  THEN jsonb_set(s, '{at}', to_jsonb(to_char((CAST(s ->> 'at' AS timestamptz) + CAST(:shift AS interval))
                                                                                             AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))
                                                  ELSE s END ORDER BY i)
                            FROM jsonb_array_elements(scans) WITH ORDINALITY AS scan(s, i))
                        WHERE tracking_number = :number
                        """)
                .bind("number", trackingNumber).bind("shift", shift.toSeconds() + " seconds").fetch().rowsUpdated().block();
        assertThat(updated).as("sandbox parcel %s", trackingNumber).isEqualTo(1);
    }

    /**
     * The sandbox carrier sends no more webhooks for the parcel, as if they were lost on the way: every
     * scan of it counts as sent. A webhook run only ever raises that count, so it cannot undo it.
     */
    private void loseWebhooks(String trackingNumber) {
        db.sql("UPDATE sandbox_parcels SET webhooks_sent = jsonb_array_length(scans) + 1000 WHERE tracking_number = :number")
                .bind("number", trackingNumber).fetch().rowsUpdated().block();
    }
}
