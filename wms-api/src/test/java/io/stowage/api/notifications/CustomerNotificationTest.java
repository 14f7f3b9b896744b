package io.stowage.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.stowage.api.background.PollingLoop;
import io.stowage.api.background.PollingLoops;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.FastDeliveryTest;
import io.stowage.api.support.World;
import io.stowage.api.webhooks.EventTypes;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Customer notices end to end: an order taken through the API, the shipping event and tracking's
 * events (out for delivery, at a pickup point, delayed, exception, delivered) are told to the
 * customer in their language, by email (received by a real SMTP server, both parts) and by SMS
 * (posted to a gateway on this machine), each once, also when the outbox event is fanned out again.
 */
class CustomerNotificationTest extends FastDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final SmsGatewayStub GATEWAY = new SmsGatewayStub();

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smsGateway(DynamicPropertyRegistry registry) {
        registry.add("stowage.notifications.sms.sender", () -> "http");
        registry.add("stowage.notifications.sms.gateway-url", GATEWAY::url);
        registry.add("stowage.notifications.sms.gateway-token", () -> "gateway-token");
        registry.add("stowage.notifications.sms.from", () -> "Stowage");
    }

    @AfterAll
    static void stopServers() {
        SMTP.stop();
        GATEWAY.close();
    }

    @Autowired
    Outbox outbox;

    @Autowired
    DatabaseClient db;

    @Autowired
    CustomerNoticeSender sender;

    @Autowired
    PollingLoops loops;

    @Test
    void theCustomerIsEmailedInTheirLanguageWithBothPartsAndTheLinkOnceEvenWhenTheEventIsReplayed() throws Exception {
        World world = World.create(this);
        smtpSettings(world);
        String email = "ona-" + UUID.randomUUID() + "@example.com";

        String orderId = order(world, customer(email, null, "uk", "email"));

        MimeMessage confirmed = awaitMail(email, 1).get(0);
        assertThat(confirmed.getSubject()).isEqualTo("Замовлення " + orderId + " підтверджено");
        assertThat(((InternetAddress) confirmed.getFrom()[0]).getAddress()).isEqualTo("shop@example.com");
        Map<String, String> parts = parts(confirmed);
        assertThat(parts).containsOnlyKeys("text/plain", "text/html");
        String today = LocalDate.now(ZoneId.of("Europe/Vilnius")).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag("uk")));
        assertThat(parts.get("text/plain")).contains("Вітаємо, Ona Petraitytė!", "Дякуємо за замовлення", today, "1 × TEE-M-NAVY");
        assertThat(parts.get("text/html")).contains("<html lang=\"uk\">", "Дякуємо за замовлення", today, "<li>1 × TEE-M-NAVY</li>");

        String trackingUrl = "https://wms.example.com/track/" + UUID.randomUUID().toString().replace("-", "");
        String shippedEvent = shipped(world, orderId, UUID.randomUUID(), trackingUrl);

        MimeMessage shipped = awaitMail(email, 2).get(1);
        assertThat(shipped.getSubject()).isEqualTo("Замовлення " + orderId + " вже в дорозі");
        Map<String, String> shippedParts = parts(shipped);
        assertThat(shippedParts.get("text/plain")).contains("Відстежити посилку: " + trackingUrl, "SBX123456789LT", "sandbox");
        assertThat(shippedParts.get("text/html")).contains("<a href=\"" + trackingUrl + "\">Відстежити посилку</a>");

        // The same event fanned out again (a replay, or an instance that claimed it before a crash) tells no one twice.
        db.sql("UPDATE outbox_events SET fanned_out_at = NULL WHERE event_id = CAST(:event AS uuid)").bind("event", shippedEvent)
                .fetch().rowsUpdated().block();
        Eventually.await(PATIENCE, () -> count("SELECT count(*) AS n FROM outbox_events WHERE event_id = CAST('" + shippedEvent
                + "' AS uuid) AND fanned_out_at IS NOT NULL") == 1 && pending(orderId) == 0);
        assertThat(mailTo(email)).hasSize(2);

        // The merchant sees what the customer was told, a page at a time.
        Map<?, ?> first = world.merchant(this).get().uri("/api/v1/orders/{id}/notices?limit=1", orderId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<?> firstItems = (List<?>) first.get("items");
        assertThat(firstItems).hasSize(1);
        Map<?, ?> firstNotice = (Map<?, ?>) firstItems.get(0);
        assertThat(firstNotice.get("kind")).isEqualTo("order_confirmed");
        assertThat(firstNotice.get("channel")).isEqualTo("email");
        assertThat(firstNotice.get("status")).isEqualTo("sent");
        assertThat(firstNotice.get("language")).isEqualTo("uk");
        assertThat(firstNotice.get("sent_at")).isNotNull();
        world.merchant(this).get().uri("/api/v1/orders/{id}/notices?limit=1&after={after}", orderId, first.get("next_cursor")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].kind").isEqualTo("shipped")
                .jsonPath("$.items[0].recipient").isEqualTo(email)
                .jsonPath("$.next_cursor").doesNotExist();
        // Another merchant's order is not there to be read.
        World other = World.create(this);
        other.merchant(this).get().uri("/api/v1/orders/{id}/notices", orderId).exchange().expectStatus().isNotFound();
    }

    @Test
    void textMessagesGoThroughTheGatewayWithRetriesOnServerErrorsAndARefusalIsRecordedAsFailed() {
        World world = World.create(this);
        smtpSettings(world);
        String patient = phone();
        GATEWAY.script(patient, 503);

        String orderId = order(world, customer(null, patient, "lt", "sms"));

        // The first try met a 503: the notice waits for its retry with the error, and no one was told yet.
        Eventually.await(PATIENCE, () -> notice(orderId, "attempts").equals("1"));
        assertThat(notice(orderId, "status")).isEqualTo("pending");
        assertThat(notice(orderId, "last_error")).contains("503");
        assertThat(count("SELECT count(*) AS n FROM customer_notices WHERE order_id = CAST('" + orderId
                + "' AS uuid) AND next_attempt_at > now() + interval '30 seconds'")).as("retried after the backoff, not at once").isEqualTo(1);
        // Time passes to the retry.
        db.sql("UPDATE customer_notices SET next_attempt_at = now() WHERE order_id = CAST(:order AS uuid)").bind("order", orderId)
                .fetch().rowsUpdated().block();
        Eventually.await(PATIENCE, () -> notice(orderId, "status").equals("sent"));
        List<SmsGatewayStub.Received> posted = GATEWAY.to(patient);
        assertThat(posted).extracting(SmsGatewayStub.Received::answered).containsExactly(503, 200);
        assertThat(posted).extracting(SmsGatewayStub.Received::idempotencyKey).as("one key for the notice's every try").containsOnly(notice(orderId, "id"));
        assertThat(posted.get(1).authorization()).isEqualTo("Bearer gateway-token");
        assertThat(posted.get(1).body()).contains("\"from\":\"Stowage\"", "užsakymas " + orderId + " patvirtintas");
        assertThat(notice(orderId, "attempts")).isEqualTo("2");

        String refused = phone();
        GATEWAY.script(refused, 400);
        String refusedOrder = order(world, customer(null, refused, "lv", "sms"));
        Eventually.await(PATIENCE, () -> notice(refusedOrder, "status").equals("failed"));
        assertThat(notice(refusedOrder, "last_error")).contains("400");
        Eventually.throughout(Duration.ofMillis(500), () -> GATEWAY.to(refused).size() == 1);
    }

    @Test
    void theChannelPreferenceDecidesWhoIsToldHow() throws Exception {
        World world = World.create(this);
        smtpSettings(world);
        String email = "both-" + UUID.randomUUID() + "@example.com";
        String phone = phone();

        String both = order(world, customer(email, phone, "sl", "both"));
        String none = order(world, customer("none-" + UUID.randomUUID() + "@example.com", phone(), "sl", "none"));
        String unsaid = order(world, customer("unsaid-" + UUID.randomUUID() + "@example.com", null, null, null));
        String emailOnly = order(world, customer("mail-" + UUID.randomUUID() + "@example.com", phone(), "de", "email"));

        awaitMail(email, 1);
        Eventually.await(PATIENCE, () -> GATEWAY.to(phone).size() == 1 && pending(both) == 0);
        assertThat(GATEWAY.to(phone).get(0).body()).contains("naročilo " + both + " je potrjeno");
        assertThat(mailTo(email).get(0).getSubject()).isEqualTo("Naročilo " + both + " je potrjeno");
        Eventually.await(PATIENCE, () -> count("SELECT count(*) AS n FROM customer_notices WHERE order_id = CAST('" + emailOnly
                + "' AS uuid) AND status = 'sent'") == 1);
        assertThat(notice(emailOnly, "channel")).isEqualTo("email");
        assertThat(notice(emailOnly, "language")).as("a language notices are not written in gets English").isEqualTo("en");
        // The order events were fanned out (the email-only order's notice came after them): the others have nothing queued.
        Eventually.await(PATIENCE, () -> count("SELECT count(*) AS n FROM outbox_events WHERE type = 'order.accepted' AND subject IN ('"
                + none + "', '" + unsaid + "') AND fanned_out_at IS NOT NULL") == 2);
        assertThat(count("SELECT count(*) AS n FROM customer_notices WHERE order_id IN (CAST('" + none + "' AS uuid), CAST('" + unsaid
                + "' AS uuid))")).isZero();
        world.merchant(this).get().uri("/api/v1/orders/{id}", unsaid).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.customer.notify").isEqualTo("none");
    }

    @Test
    void trackingEventsTellTheCustomerOnceEachWhatHappensAndWhatToDo() throws Exception {
        World world = World.create(this);
        smtpSettings(world);
        String email = "jonas-" + UUID.randomUUID() + "@example.com";
        String phone = phone();
        String orderId = order(world, customer(email, phone, "lt", "both"));
        awaitMail(email, 1);
        UUID shipmentId = UUID.randomUUID();

        // An event of an order this merchant does not have (a synthetic one) tells nobody and holds nothing up.
        String unknownOrder = UUID.randomUUID().toString();
        track(world, unknownOrder, UUID.randomUUID(), EventTypes.SHIPMENT_DELIVERED, Map.of("status", "delivered"));

        // The parcel ships, and each piece of news comes in turn, after the customer was told the one before.
        shipped(world, orderId, shipmentId, "https://wms.example.com/track/" + UUID.randomUUID().toString().replace("-", ""));
        awaitMail(email, 2);
        track(world, orderId, shipmentId, EventTypes.SHIPMENT_TRACKING_UPDATED, Map.of("status", "in_transit"));
        track(world, orderId, shipmentId, EventTypes.SHIPMENT_DELAYED, Map.of("status", "in_transit",
                "reason", "expected between 2026-12-08 and 2026-12-09, after the promised date 2026-12-07",
                "eta", Map.of("from", "2026-12-08", "to", "2026-12-09", "basis", "lane_history"),
                "promised_by", "2026-12-07"));
        awaitMail(email, 3);
        track(world, orderId, shipmentId, EventTypes.SHIPMENT_EXCEPTION, Map.of("status", "exception", "reason", "Wrong address: street not found"));
        awaitMail(email, 4);
        track(world, orderId, shipmentId, EventTypes.SHIPMENT_TRACKING_UPDATED, Map.of("status", "out_for_delivery"));
        awaitMail(email, 5);
        track(world, orderId, shipmentId, EventTypes.SHIPMENT_TRACKING_UPDATED, Map.of("status", "available_for_pickup",
                "pickup_point", Map.of("name", "Omniva paštomatas Akropolis", "address", "Ozo g. 25, Vilnius",
                        "opening_hours", Map.of("always_open", true, "days", List.of()), "collect_by", "2026-12-12")));
        awaitMail(email, 6);
        track(world, orderId, shipmentId, EventTypes.SHIPMENT_DELIVERED, Map.of("status", "delivered"));
        // Tracking says delivered again: the customer was told already.
        track(world, orderId, shipmentId, EventTypes.SHIPMENT_DELIVERED, Map.of("status", "delivered"));

        List<MimeMessage> mail = awaitMail(email, 7);
        Eventually.await(PATIENCE, () -> count("SELECT count(*) AS n FROM outbox_events WHERE subject = '" + shipmentId
                + "' AND fanned_out_at IS NULL") == 0 && pending(orderId) == 0);
        mail = mailTo(email);
        assertThat(mail).hasSize(7);
        Map<String, String> bySubject = new LinkedHashMap<>();
        for (MimeMessage message : mail) {
            bySubject.put(message.getSubject(), parts(message).get("text/plain"));
        }
        assertThat(bySubject).containsKeys("Užsakymo " + orderId + " siunta bus pristatyta šiandien",
                "Užsakymo " + orderId + " siunta laukia atsiėmimo", "Užsakymo " + orderId + " siunta vėluoja",
                "Problema su užsakymo " + orderId + " siunta", "Užsakymo " + orderId + " siunta pristatyta");
        assertThat(bySubject.get("Užsakymo " + orderId + " siunta laukia atsiėmimo"))
                .contains("Omniva paštomatas Akropolis", "Adresas: Ozo g. 25, Vilnius", "Darbo laikas: visą parą, kasdien",
                        "Atsiimkite ją iki 2026 m. gruodžio 12 d.");
        assertThat(bySubject.get("Užsakymo " + orderId + " siunta vėluoja"))
                .contains("ji neatkeliaus iki pažadėtos datos", "2026 m. gruodžio 9 d.", "Jums nieko daryti nereikia");
        assertThat(bySubject.get("Problema su užsakymo " + orderId + " siunta"))
                .contains("vežėjui kilo problema su adresu", "Siuntos sekimo puslapyje").doesNotContain("Wrong address");
        assertThat(count("SELECT count(*) AS n FROM customer_notices WHERE order_id = CAST('" + unknownOrder + "' AS uuid)")).isZero();
        Eventually.await(PATIENCE, () -> GATEWAY.to(phone).size() == 7);
        assertThat(GATEWAY.to(phone)).extracting(SmsGatewayStub.Received::body)
                .anySatisfy(sms -> assertThat(sms).contains("Omniva paštomatas Akropolis", "Ozo g. 25, Vilnius"))
                .anySatisfy(sms -> assertThat(sms).contains("pristatyta"));
        world.merchant(this).get().uri("/api/v1/orders/{id}/notices?limit=100", orderId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(14)
                .jsonPath("$.items[?(@.kind == 'ready_for_pickup' && @.channel == 'email')].shipment_id").isEqualTo(shipmentId.toString());
    }

    @Test
    void aBadPhoneOrChannelIsRefusedAndNoOrderIsTaken() {
        World world = World.create(this);
        List<Map<String, Object>> refused = List.of(
                customer("a@example.com", "8 612 34567", "lt", "sms"),
                customer("a@example.com", "+37061234567", "lt", "fax"),
                customer("a@example.com", null, "lt", "sms"),
                customer(null, "+37061234567", "lt", "both"),
                customer(null, null, "lt", "email"));
        List<String> fields = List.of("customer.phone", "customer.notify", "customer.phone", "customer.email", "customer.email");
        for (int i = 0; i < refused.size(); i++) {
            world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                    .bodyValue(orderBody(refused.get(i))).exchange()
                    .expectStatus().isEqualTo(422)
                    .expectHeader().contentType("application/problem+json")
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(fields.get(i));
        }
        world.merchant(this).get().uri("/api/v1/orders").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void aParcelThatTurnsLateBeforeItShipsIsToldShippedFirstThenDelayedEachOnce() {
        World world = World.create(this);
        smtpSettings(world);
        String email = "late-" + UUID.randomUUID() + "@example.com";
        String orderId = order(world, customer(email, null, "en", "email"));
        awaitMail(email, 1);
        UUID shipmentId = UUID.randomUUID();

        // The late check runs from the label on: the parcel turns late while its load is still open.
        track(world, orderId, shipmentId, EventTypes.SHIPMENT_DELAYED, Map.of("status", "label_created",
                "reason", "no carrier event for longer than the lane normally takes"));
        Eventually.await(PATIENCE, () -> heldFor(world, orderId, "delayed").equals("shipped"));
        assertThat(mailTo(email)).as("the customer is not told of a delay before the parcel has shipped").hasSize(1);

        shipped(world, orderId, shipmentId, "https://wms.example.com/track/" + UUID.randomUUID().toString().replace("-", ""));

        awaitMail(email, 3);
        Eventually.await(PATIENCE, () -> pending(orderId) == 0);
        Eventually.throughout(Duration.ofMillis(500), () -> mailTo(email).size() == 3);
        assertThat(subjects(email)).containsExactly("Order " + orderId + " is confirmed", "Order " + orderId + " is on its way",
                "Your parcel for order " + orderId + " is delayed");
        assertThat(heldFor(world, orderId, "delayed")).as("sent, held no more").isEmpty();
    }

    @Test
    void aParcelScannedDeliveredBeforeItsLoadClosedIsToldShippedThenDeliveredAndNotTheStaleNewsBetween() {
        World world = World.create(this);
        smtpSettings(world);
        String email = "early-" + UUID.randomUUID() + "@example.com";
        String phone = phone();
        String orderId = order(world, customer(email, phone, "en", "both"));
        awaitMail(email, 1);
        Eventually.await(PATIENCE, () -> GATEWAY.to(phone).size() == 1);
        UUID shipmentId = UUID.randomUUID();

        // The carrier collected the parcel and delivered it before the warehouse closed the load's manifest.
        track(world, orderId, shipmentId, EventTypes.SHIPMENT_TRACKING_UPDATED, Map.of("status", "out_for_delivery"));
        track(world, orderId, shipmentId, EventTypes.SHIPMENT_DELIVERED, Map.of("status", "delivered"));
        Eventually.await(PATIENCE, () -> heldFor(world, orderId, "delivered").equals("shipped"));
        assertThat(mailTo(email)).hasSize(1);

        shipped(world, orderId, shipmentId, "https://wms.example.com/track/" + UUID.randomUUID().toString().replace("-", ""));
        awaitMail(email, 3);
        Eventually.await(PATIENCE, () -> GATEWAY.to(phone).size() == 3 && pending(orderId) == 0);
        // The parcel's events fanned out again tell no one twice.
        db.sql("UPDATE outbox_events SET fanned_out_at = NULL WHERE subject = :s").bind("s", shipmentId.toString()).fetch().rowsUpdated().block();
        Eventually.await(PATIENCE, () -> count("SELECT count(*) AS n FROM outbox_events WHERE subject = '" + shipmentId
                + "' AND fanned_out_at IS NULL") == 0);
        Eventually.throughout(Duration.ofMillis(500), () -> mailTo(email).size() == 3 && GATEWAY.to(phone).size() == 3);
        assertThat(subjects(email)).containsExactly("Order " + orderId + " is confirmed", "Order " + orderId + " is on its way",
                "Your parcel for order " + orderId + " was delivered");
        assertThat(GATEWAY.to(phone)).extracting(SmsGatewayStub.Received::body)
                .satisfies(sms -> assertThat(sms.get(1)).contains("on its way"), sms -> assertThat(sms.get(2)).contains("was delivered"));
        assertThat(count("SELECT count(*) AS n FROM customer_notices WHERE order_id = CAST('" + orderId
                + "' AS uuid) AND kind = 'out_for_delivery' AND status = 'cancelled' AND last_error LIKE 'stale:%delivered'"))
                .as("out for delivery, stale once delivered was known, is not sent on either channel").isEqualTo(2);
    }

    @Test
    void sendersOnSeveralInstancesKeepEachParcelsOrder() {
        World world = World.create(this);
        smtpSettings(world);
        String email = "instances-" + UUID.randomUUID() + "@example.com";
        String orderId = order(world, customer(email, null, "en", "email"));
        awaitMail(email, 1);
        List<UUID> parcels = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            parcels.add(UUID.randomUUID());
            track(world, orderId, parcels.get(i), EventTypes.SHIPMENT_DELAYED, Map.of("status", "label_created",
                    "reason", "no carrier event for longer than the lane normally takes"));
        }
        Eventually.await(PATIENCE, () -> count("SELECT count(*) AS n FROM customer_notices WHERE order_id = CAST('" + orderId
                + "' AS uuid) AND kind = 'delayed' AND waiting_for = 'shipped'") == 12);

        // Three more send loops claim from the same queue beside this service's own, as other instances' would.
        List<PollingLoop> instances = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            instances.add(loops.loop("customer notices " + i, true, Duration.ofMillis(50), sender::sendDue));
        }
        instances.forEach(PollingLoop::start);
        try {
            parcels.forEach(parcel -> shipped(world, orderId, parcel, "https://wms.example.com/track/" + UUID.randomUUID().toString().replace("-", "")));
            Eventually.await(PATIENCE, () -> count("SELECT count(*) AS n FROM customer_notices WHERE order_id = CAST('" + orderId
                    + "' AS uuid) AND status = 'sent'") == 25);
        } finally {
            instances.forEach(PollingLoop::stop);
        }
        assertThat(count("SELECT count(*) AS n FROM customer_notices d JOIN customer_notices s ON s.order_id = d.order_id "
                + "AND s.shipment_id = d.shipment_id AND s.channel = d.channel AND s.kind = 'shipped' WHERE d.order_id = CAST('" + orderId
                + "' AS uuid) AND d.kind = 'delayed' AND d.sent_at > s.sent_at")).as("every parcel's delay told after its shipping").isEqualTo(12);
        assertThat(mailTo(email)).hasSize(25);
    }

    @Test
    void theShippedTextWaitsForTheConfirmationsRetryAndTheEmailForNoText() {
        World world = World.create(this);
        smtpSettings(world);
        String email = "retry-" + UUID.randomUUID() + "@example.com";
        String phone = phone();
        GATEWAY.script(phone, 503);
        String orderId = order(world, customer(email, phone, "en", "both"));
        awaitMail(email, 1);
        Eventually.await(PATIENCE, () -> GATEWAY.to(phone).size() == 1);

        // The confirmation's text waits for its retry; the parcel ships meanwhile.
        UUID shipmentId = UUID.randomUUID();
        shipped(world, orderId, shipmentId, "https://wms.example.com/track/" + UUID.randomUUID().toString().replace("-", ""));
        awaitMail(email, 2);
        Eventually.await(PATIENCE, () -> heldFor(world, orderId, "shipped", "sms").equals("order_confirmed"));
        assertThat(GATEWAY.to(phone)).hasSize(1);

        // Time passes to the retry: the confirmation goes, and the shipped text right after it.
        db.sql("UPDATE customer_notices SET next_attempt_at = now() WHERE order_id = CAST(:order AS uuid) AND kind = 'order_confirmed'")
                .bind("order", orderId).fetch().rowsUpdated().block();
        Eventually.await(PATIENCE, () -> GATEWAY.to(phone).size() == 3 && pending(orderId) == 0);
        assertThat(GATEWAY.to(phone)).extracting(SmsGatewayStub.Received::answered).containsExactly(503, 200, 200);
        assertThat(GATEWAY.to(phone).get(1).body()).contains("is confirmed");
        assertThat(GATEWAY.to(phone).get(2).body()).contains("is on its way");
    }

    @Test
    void newsIsDroppedAsStaleOnlyForNewerNewsOfTheParcel() {
        World world = World.create(this);
        smtpSettings(world);
        Instant noon = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String lateFirst = "late-first-" + UUID.randomUUID() + "@example.com";
        String lateAfter = "late-after-" + UUID.randomUUID() + "@example.com";
        String lateFirstOrder = order(world, customer(lateFirst, null, "en", "email"));
        String lateAfterOrder = order(world, customer(lateAfter, null, "en", "email"));
        awaitMail(lateFirst, 1);
        awaitMail(lateAfter, 1);
        UUID lateFirstParcel = UUID.randomUUID();
        UUID lateAfterParcel = UUID.randomUUID();

        // Both news of each parcel wait for its shipped notice. One parcel turned late and then went out for delivery: where
        // it is now is the news. The other went out for delivery, failed, and turned late an hour later: both are news.
        Map<String, Object> late = Map.of("status", "in_transit", "reason", "no carrier event for longer than the lane normally takes");
        track(world, lateFirstOrder, lateFirstParcel, EventTypes.SHIPMENT_DELAYED, with(late, "occurred_at", noon.toString()));
        track(world, lateFirstOrder, lateFirstParcel, EventTypes.SHIPMENT_TRACKING_UPDATED,
                Map.of("status", "out_for_delivery", "occurred_at", noon.plusSeconds(60).toString()));
        track(world, lateAfterOrder, lateAfterParcel, EventTypes.SHIPMENT_TRACKING_UPDATED,
                Map.of("status", "out_for_delivery", "occurred_at", noon.toString()));
        track(world, lateAfterOrder, lateAfterParcel, EventTypes.SHIPMENT_DELAYED, with(late, "occurred_at", noon.plusSeconds(3600).toString()));
        Eventually.await(PATIENCE, () -> heldFor(world, lateFirstOrder, "out_for_delivery").equals("shipped")
                && heldFor(world, lateAfterOrder, "delayed").equals("shipped"));

        shipped(world, lateFirstOrder, lateFirstParcel, "https://wms.example.com/track/" + UUID.randomUUID().toString().replace("-", ""));
        shipped(world, lateAfterOrder, lateAfterParcel, "https://wms.example.com/track/" + UUID.randomUUID().toString().replace("-", ""));

        awaitMail(lateFirst, 3);
        awaitMail(lateAfter, 4);
        Eventually.await(PATIENCE, () -> pending(lateFirstOrder) == 0 && pending(lateAfterOrder) == 0);
        assertThat(subjects(lateFirst)).containsExactly("Order " + lateFirstOrder + " is confirmed", "Order " + lateFirstOrder + " is on its way",
                "Your parcel for order " + lateFirstOrder + " arrives today");
        assertThat(count("SELECT count(*) AS n FROM customer_notices WHERE order_id = CAST('" + lateFirstOrder
                + "' AS uuid) AND kind = 'delayed' AND status = 'cancelled' AND last_error = '" + CustomerNoticeSender.STALE + "out_for_delivery'"))
                .as("the delay was dropped as stale").isEqualTo(1);
        assertThat(subjects(lateAfter)).containsExactly("Order " + lateAfterOrder + " is confirmed", "Order " + lateAfterOrder + " is on its way",
                "Your parcel for order " + lateAfterOrder + " arrives today", "Your parcel for order " + lateAfterOrder + " is delayed");
    }

    private static Map<String, Object> with(Map<String, Object> fields, String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(fields);
        more.put(key, value);
        return more;
    }

    @Test
    void aNoticeHeldForOneParcelHoldsUpNoOtherParcelNorMerchant() {
        World world = World.create(this);
        smtpSettings(world);
        String email = "held-" + UUID.randomUUID() + "@example.com";
        String orderId = order(world, customer(email, null, "en", "email"));
        awaitMail(email, 1);
        // More parcels turn late before shipping than the send loop claims at once.
        for (int i = 0; i < 11; i++) {
            track(world, orderId, UUID.randomUUID(), EventTypes.SHIPMENT_DELAYED, Map.of("status", "label_created",
                    "reason", "no carrier event for longer than the lane normally takes"));
        }
        Eventually.await(PATIENCE, () -> count("SELECT count(*) AS n FROM customer_notices WHERE order_id = CAST('" + orderId
                + "' AS uuid) AND kind = 'delayed' AND waiting_for = 'shipped'") == 11);

        // Another parcel of the same order, and another merchant's parcel, go on as they come.
        UUID shipped = UUID.randomUUID();
        shipped(world, orderId, shipped, "https://wms.example.com/track/" + UUID.randomUUID().toString().replace("-", ""));
        track(world, orderId, shipped, EventTypes.SHIPMENT_TRACKING_UPDATED, Map.of("status", "out_for_delivery"));
        World other = World.create(this);
        smtpSettings(other);
        String otherEmail = "other-" + UUID.randomUUID() + "@example.com";
        String otherOrder = order(other, customer(otherEmail, null, "en", "email"));
        UUID otherParcel = UUID.randomUUID();
        shipped(other, otherOrder, otherParcel, "https://wms.example.com/track/" + UUID.randomUUID().toString().replace("-", ""));
        track(other, otherOrder, otherParcel, EventTypes.SHIPMENT_TRACKING_UPDATED, Map.of("status", "out_for_delivery"));

        awaitMail(email, 3);
        awaitMail(otherEmail, 3);
        assertThat(subjects(email)).containsExactly("Order " + orderId + " is confirmed", "Order " + orderId + " is on its way",
                "Your parcel for order " + orderId + " arrives today");
        assertThat(subjects(otherEmail)).containsExactly("Order " + otherOrder + " is confirmed", "Order " + otherOrder + " is on its way",
                "Your parcel for order " + otherOrder + " arrives today");
        assertThat(count("SELECT count(*) AS n FROM customer_notices WHERE order_id = CAST('" + orderId
                + "' AS uuid) AND kind = 'delayed' AND status = 'pending'")).as("still held for their own shipped notices").isEqualTo(11);
    }

    private void smtpSettings(World world) {
        world.merchant(this).put().uri("/api/v1/notification-settings").bodyValue(Map.of(
                        "smtp_host", "127.0.0.1", "smtp_port", SMTP.getSmtp().getPort(), "from_address", "shop@example.com", "starttls", false))
                .exchange().expectStatus().isOk();
    }

    private static Map<String, Object> customer(String email, String phone, String language, String notify) {
        Map<String, Object> customer = new HashMap<>();
        customer.put("name", "Ona Petraitytė");
        customer.put("address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius", "postal_code", "01103", "country", "LT",
                "latitude", 54.6872, "longitude", 25.2797));
        if (email != null) {
            customer.put("email", email);
        }
        if (phone != null) {
            customer.put("phone", phone);
        }
        if (language != null) {
            customer.put("language", language);
        }
        if (notify != null) {
            customer.put("notify", notify);
        }
        return customer;
    }

    private static Map<String, Object> orderBody(Map<String, Object> customer) {
        return Map.of("customer", customer, "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1)));
    }

    private String order(World world, Map<String, Object> customer) {
        Map<?, ?> created = world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(orderBody(customer)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    /** The event the dispatch close writes when the parcel leaves, written as it would; answers its event id. */
    private String shipped(World world, String orderId, UUID shipmentId, String trackingUrl) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("shipment_id", shipmentId);
        payload.put("order_id", orderId);
        payload.put("order_number", orderId);
        payload.put("carton_id", UUID.randomUUID());
        payload.put("carton_number", 1);
        payload.put("sscc", "347712340000000018");
        payload.put("carrier", "sandbox");
        payload.put("service_code", "sandbox/standard");
        payload.put("tracking_number", "SBX123456789LT");
        payload.put("tracking_url", trackingUrl);
        payload.put("weight_grams", 420);
        payload.put("manifest_number", "VNO1-SANDBOX-20261204-7");
        payload.put("shipped_at", Instant.now().toString());
        UUID merchantId = UUID.fromString(world.merchantId);
        outbox.append(merchantId, EventTypes.SHIPMENT_SHIPPED, shipmentId.toString(), payload).block();
        return db.sql("SELECT event_id::text AS id FROM outbox_events WHERE merchant_id = :m AND subject = :s AND type = :type")
                .bind("m", merchantId).bind("s", shipmentId.toString()).bind("type", EventTypes.SHIPMENT_SHIPPED).map(row -> row.get("id", String.class)).one().block();
    }

    /** An event of tracking's about the parcel, written as tracking would. */
    private void track(World world, String orderId, UUID shipmentId, String type, Map<String, Object> fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("shipment_id", shipmentId);
        payload.put("order_id", orderId);
        payload.put("order_number", orderId);
        payload.put("carrier", "omniva");
        payload.put("service_code", "locker");
        payload.put("tracking_number", "CC123456789LT");
        payload.put("occurred_at", Instant.now().toString());
        payload.putAll(fields);
        outbox.append(UUID.fromString(world.merchantId), type, shipmentId.toString(), payload).block();
    }

    private static String phone() {
        return "+3706" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    }

    private long pending(String orderId) {
        return count("SELECT count(*) AS n FROM customer_notices WHERE status = 'pending' AND order_id = CAST('" + orderId + "' AS uuid)");
    }

    /** A column of the order's only notice, as text; empty while there is none. */
    private String notice(String orderId, String column) {
        return db.sql("SELECT " + column + "::text AS v FROM customer_notices WHERE order_id = CAST(:order AS uuid)").bind("order", orderId)
                .map(row -> String.valueOf(row.get("v", String.class))).all().collectList()
                .map(values -> values.size() == 1 ? values.get(0) : "").block();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }

    /** What the order's notice of the kind (its email) waits for, as the merchant reads it; empty when it waits for nothing or is not there. */
    private String heldFor(World world, String orderId, String kind) {
        return heldFor(world, orderId, kind, "email");
    }

    private String heldFor(World world, String orderId, String kind, String channel) {
        Map<?, ?> page = world.merchant(this).get().uri("/api/v1/orders/{id}/notices?limit=100", orderId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(item -> (Map<?, ?>) item)
                .filter(item -> kind.equals(item.get("kind")) && channel.equals(item.get("channel")))
                .map(item -> item.get("waiting_for") == null ? "" : item.get("waiting_for").toString())
                .findFirst().orElse("");
    }

    private static List<String> subjects(String recipient) {
        return mailTo(recipient).stream().map(message -> {
            try {
                return message.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static List<MimeMessage> awaitMail(String recipient, int howMany) {
        Eventually.await(PATIENCE, () -> mailTo(recipient).size() >= howMany);
        return mailTo(recipient);
    }

    private static List<MimeMessage> mailTo(String recipient) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> ((InternetAddress) a).getAddress().equals(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** The message's parts by content type: a multipart/alternative's parts, each as text. */
    private static Map<String, String> parts(MimeMessage message) throws Exception {
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart multipart = (Multipart) message.getContent();
        Map<String, String> parts = new LinkedHashMap<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            parts.put(part.getContentType().split(";")[0].trim().toLowerCase(Locale.ROOT), part.getContent().toString());
        }
        assertThat(parts.keySet()).as("the plain part first").first().isEqualTo("text/plain");
        return parts;
    }
}
