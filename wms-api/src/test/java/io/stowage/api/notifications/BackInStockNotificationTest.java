package io.stowage.api.notifications;

import io.stowage.api.support.SmtpServer;
import io.stowage.api.support.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.outbox.Outbox;
import io.stowage.api.support.FastDeliveryTest;
import io.stowage.api.support.World;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.WebhookReceiver;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Back-in-stock: each waiting shopper is emailed once through a real SMTP server, and the merchant's webhook gets the list. */
class BackInStockNotificationTest extends FastDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    static final SmtpServer smtp = new SmtpServer();

    @Autowired
    Outbox outbox;

    @Autowired
    DatabaseClient db;

    @Autowired
    JsonMapper json;

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void eachWaitingShopperIsEmailedOnceAndTheMerchantsWebhookGetsTheList() throws Exception {
        World world = World.create(this);
        webhookFor(world, "/list");
        world.merchant(this).put().uri("/api/v1/notification-settings").bodyValue(Map.of(
                        "smtp_host", "127.0.0.1", "smtp_port", smtp.getSmtp().getPort(),
                        "from_address", "shop@example.com", "starttls", false))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.password_set").isEqualTo(false).jsonPath("$.smtp_password").doesNotExist();
        subscribe(world, "TEE-M-NAVY", "ona@example.com");
        subscribe(world, "TEE-M-NAVY", "jonas@example.com");
        subscribe(world, "TEE-S-SAND", "petras@example.com");

        receive(world, "back", "TEE-M-NAVY", 2);

        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 2)).isTrue();
        List<String> recipients = recipientsOf(mailTo("@example.com"));
        assertThat(recipients).containsExactlyInAnyOrder("ona@example.com", "jonas@example.com");
        MimeMessage first = mailTo("ona@example.com").get(0);
        assertThat(first.getSubject()).isEqualTo("Linen tee M Navy is back in stock");
        assertThat(((InternetAddress) first.getFrom()[0]).getAddress()).isEqualTo("shop@example.com");
        Map<?, ?> merchant = world.merchant(this).get().uri("/api/v1/merchant").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((InternetAddress) first.getFrom()[0]).getPersonal()).as("signed with the merchant's name").isEqualTo(merchant.get("name"));
        assertThat(first.getContent().toString()).contains("TEE-M-NAVY");

        world.merchant(this).get().uri("/api/v1/back-in-stock-subscriptions?sku=TEE-M-NAVY").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.items[?(@.notified_at == null)]").isEmpty();
        world.merchant(this).get().uri("/api/v1/back-in-stock-subscriptions?sku=TEE-S-SAND").exchange()
                .expectBody().jsonPath("$.items[0].notified_at").doesNotExist();

        JsonNode list = json.readTree(receiver.await("/list", PATIENCE, got -> !got.isEmpty()).get(0).body());
        assertThat(list.get("type").asString()).isEqualTo("variant.back_in_stock_subscribers");
        assertThat(list.get("data").get("sku").asString()).isEqualTo("TEE-M-NAVY");
        assertThat(list.get("data").get("subscribers").valueStream().map(s -> s.get("email").asString()).toList())
                .containsExactlyInAnyOrder("ona@example.com", "jonas@example.com");

        // More stock, and even the variant coming back again, reach no one who was told already.
        receive(world, "more", "TEE-M-NAVY", 3);
        String again = backInStockAgain(world, "TEE-M-NAVY");
        awaitFannedOutAndSent(world, again);
        assertThat(mailTo("@example.com")).hasSize(2);
        assertThat(receiver.at("/list")).hasSize(1);

        // A shopper who subscribes again is told again, alone, the next time.
        subscribe(world, "TEE-M-NAVY", "ona@example.com");
        awaitFannedOutAndSent(world, backInStockAgain(world, "TEE-M-NAVY"));
        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 3)).isTrue();
        assertThat(recipientsOf(mailTo("ona@example.com"))).hasSize(2);
        assertThat(recipientsOf(mailTo("jonas@example.com"))).hasSize(1);
        Eventually.await(PATIENCE, () -> count("SELECT count(*) AS n FROM notification_emails WHERE status = 'sent' AND merchant_id = CAST('"
                + world.merchantId + "' AS uuid)") == 3);
    }

    @Test
    void withoutSmtpSettingsTheWebhookAloneCarriesTheListAndBadSettingsWriteNothing() throws Exception {
        World world = World.create(this);
        webhookFor(world, "/only-webhook");
        world.merchant(this).get().uri("/api/v1/notification-settings").exchange().expectStatus().isNotFound();
        world.merchant(this).put().uri("/api/v1/notification-settings").bodyValue(Map.of(
                        "smtp_host", "smtp.example.com", "smtp_port", 0, "from_address", "not an address"))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        world.merchant(this).get().uri("/api/v1/notification-settings").exchange().expectStatus().isNotFound();
        subscribe(world, "TEE-L-NAVY", "rasa@shop.test");

        receive(world, "back", "TEE-L-NAVY", 1);

        JsonNode list = json.readTree(receiver.await("/only-webhook", PATIENCE, got -> !got.isEmpty()).get(0).body());
        assertThat(list.get("data").get("subscribers").get(0).get("email").asString()).isEqualTo("rasa@shop.test");
        world.merchant(this).get().uri("/api/v1/back-in-stock-subscriptions?sku=TEE-L-NAVY").exchange()
                .expectBody().jsonPath("$.items[0].notified_at").exists();
        assertThat(count("SELECT count(*) AS n FROM notification_emails WHERE merchant_id = CAST('" + world.merchantId + "' AS uuid)"))
                .isZero();
        assertThat(mailTo("rasa@shop.test")).isEmpty();

        world.merchant(this).put().uri("/api/v1/notification-settings").bodyValue(Map.of(
                        "smtp_host", "smtp.example.com", "smtp_port", 587, "smtp_username", "shop", "smtp_password", "s3cret",
                        "from_address", "shop@example.com"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.password_set").isEqualTo(true).jsonPath("$.starttls").isEqualTo(true);
        world.merchant(this).get().uri("/api/v1/notification-settings").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("s3cret"));
        world.merchant(this).delete().uri("/api/v1/notification-settings").exchange().expectStatus().isNoContent();
        world.merchant(this).get().uri("/api/v1/notification-settings").exchange().expectStatus().isNotFound();
    }

    private void webhookFor(World world, String path) {
        world.merchant(this).post().uri("/api/v1/webhook-endpoints")
                .bodyValue(Map.of("url", receiver.url(path, 200), "event_types", List.of("variant.back_in_stock_subscribers")))
                .exchange().expectStatus().isCreated();
    }

    private void subscribe(World world, String sku, String email) {
        world.merchant(this).post().uri("/api/v1/back-in-stock-subscriptions").bodyValue(Map.of("sku", sku, "email", email))
                .exchange().expectStatus().isCreated();
    }

    private void receive(World world, String key, String sku, int quantity) {
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", key)
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
    }

    /** The event the ledger writes when a variant comes back after selling out, written as the ledger would. */
    private String backInStockAgain(World world, String sku) {
        UUID variantId = db.sql("SELECT id FROM variants WHERE merchant_id = CAST(:m AS uuid) AND sku = :sku")
                .bind("m", world.merchantId).bind("sku", sku).map(row -> row.get("id", UUID.class)).one().block();
        UUID merchantId = UUID.fromString(world.merchantId);
        outbox.append(merchantId, EventTypes.VARIANT_BACK_IN_STOCK, sku, Map.of("sku", sku, "variant_id", variantId, "available", 1, "waiting_subscribers", 0))
                .block();
        return db.sql("SELECT event_id::text AS id FROM outbox_events WHERE merchant_id = :m ORDER BY id DESC LIMIT 1")
                .bind("m", merchantId).map(row -> row.get("id", String.class)).one().block();
    }

    /** Waits until the event was fanned out and no email is waiting to be sent, so counting mail is final. */
    private void awaitFannedOutAndSent(World world, String eventId) {
        Eventually.await(PATIENCE, () -> count("SELECT count(*) AS n FROM outbox_events WHERE event_id = CAST('" + eventId + "' AS uuid) AND fanned_out_at IS NOT NULL") == 1
                && count("SELECT count(*) AS n FROM notification_emails WHERE status = 'pending' AND merchant_id = CAST('"
                        + world.merchantId + "' AS uuid)") == 0);
    }


    private long count(String sql) {
        return db.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }

    private static List<MimeMessage> mailTo(String addressPart) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipientsOf(List.of(m)).stream().anyMatch(r -> r.contains(addressPart))).toList();
    }

    private static List<String> recipientsOf(List<MimeMessage> messages) {
        return messages.stream().flatMap(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress());
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
