package io.stowage.api.webhooks;

import io.stowage.api.support.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.outbox.Outbox;
import io.stowage.api.support.FastDeliveryTest;
import io.stowage.api.support.SampleEvents;
import io.stowage.api.support.World;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Endpoints, signed delivery, retries, the delivery log, replays, type filters and tenant isolation. */
class WebhookTest extends FastDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    Outbox outbox;

    @Autowired
    JsonMapper json;

    private final WebhookReceiver receiver = new WebhookReceiver();

    record Merchant(String key, UUID id) {
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aRealEventArrivesSignedSoThatTheSpecificationsVerificationAcceptsIt() throws Exception {
        World world = World.create(this);
        Map<?, ?> created = createEndpoint(world.merchantKey, receiver.url("/shop", 200), List.of("variant.*"), "storefront");
        String secret = (String) created.get("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        String endpointId = (String) ((Map<?, ?>) created.get("endpoint")).get("id");
        as(world.merchantKey).get().uri("/api/v1/webhook-endpoints").exchange().expectStatus().isOk()
                .expectBody(String.class).value(list -> assertThat(list).contains(endpointId).doesNotContain("whsec_").doesNotContain("secret"));

        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", "back")
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 3, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();

        WebhookReceiver.Received request = receiver.await("/shop", PATIENCE, got -> !got.isEmpty()).get(0);
        assertThat(StandardWebhooksVerifier.verifies(secret, request)).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(SigningSecret.generate(), request)).isFalse();
        WebhookReceiver.Received tampered = new WebhookReceiver.Received(request.path(), request.headers(),
                request.text().replace("TEE-M-NAVY", "TEE-L-NAVY").getBytes(StandardCharsets.UTF_8));
        assertThat(StandardWebhooksVerifier.verifies(secret, tampered)).isFalse();

        Map<?, ?> event = onlyItem(as(world.merchantKey).get().uri("/api/v1/events?type=variant.back_in_stock").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(request.header("webhook-id")).isEqualTo(event.get("event_id"));
        assertThat(request.header("content-type")).startsWith("application/json");
        JsonNode body = json.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("variant.back_in_stock");
        assertThat(Instant.parse(body.get("timestamp").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(body.get("data").get("sku").asString()).isEqualTo("TEE-M-NAVY");
        assertThat(body.get("data").get("available").asInt()).isEqualTo(3);

        Map<?, ?> delivery = awaitDelivery(world.merchantKey, (String) event.get("event_id"), endpointId, "delivered");
        List<?> attempts = (List<?>) delivery.get("attempts");
        assertThat(attempts).hasSize(1);
        assertThat(asMap(attempts.get(0))).containsEntry("response_status", 200).containsKey("duration_ms").containsKey("attempted_at");
        as(world.merchantKey).get().uri("/api/v1/webhook-deliveries/{id}", delivery.get("id")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("delivered").jsonPath("$.attempt_count").isEqualTo(1);
    }

    @Test
    void aFailingReceiverIsRetriedWithTheSameIdUntilItAnswersAndGivenUpAfterTheWindow() throws Exception {
        Merchant merchant = merchant("Retrying");
        Map<?, ?> flaky = createEndpoint(merchant.key(), receiver.url("/flaky", 500, 500, 200), List.of("order.accepted"), null);
        Map<?, ?> dead = createEndpoint(merchant.key(), receiver.url("/dead", 503), List.of("order.cancelled"), null);
        String accepted = append(merchant, EventTypes.ORDER_ACCEPTED, "ORD-1", SampleEvents.orderAccepted("web"));
        String cancelled = append(merchant, EventTypes.ORDER_CANCELLED, "ORD-2", SampleEvents.orderCancelled());

        Map<?, ?> delivered = awaitDelivery(merchant.key(), accepted, id(flaky), "delivered");
        assertThat(((List<?>) delivered.get("attempts")).stream().<Object>map(a -> asMap(a).get("response_status")).toList())
                .containsExactly(500, 500, 200);
        assertThat(((Map<?, ?>) ((List<?>) delivered.get("attempts")).get(0)).get("response_body")).isEqualTo("answer 500");
        List<WebhookReceiver.Received> tries = receiver.at("/flaky");
        assertThat(tries).hasSize(3);
        assertThat(tries.stream().map(r -> r.header("webhook-id")).distinct().toList()).containsExactly(accepted);
        for (WebhookReceiver.Received attempt : tries) {
            assertThat(StandardWebhooksVerifier.verifies((String) flaky.get("secret"), attempt)).isTrue();
        }

        Map<?, ?> failed = awaitDelivery(merchant.key(), cancelled, id(dead), "failed");
        assertThat(((List<?>) failed.get("attempts")).size()).isGreaterThanOrEqualTo(2).isEqualTo(failed.get("attempt_count"));
        assertThat(failed.get("next_attempt_at")).isNull();
        int triesWhenGivenUp = receiver.at("/dead").size();
        as(merchant.key()).get().uri("/api/v1/webhook-deliveries?status=failed").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].event_type").isEqualTo("order.cancelled");
        as(merchant.key()).get().uri("/api/v1/webhook-deliveries?status=lost").exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");

        // A replay of a delivery that was given up starts a new window; the receiver is still down.
        as(merchant.key()).post().uri("/api/v1/events/{id}/replay?endpoint_id={e}", cancelled, id(dead)).exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.deliveries.length()").isEqualTo(1);
        receiver.await("/dead", PATIENCE, got -> got.size() > triesWhenGivenUp);
    }

    @Test
    void endpointsGetOnlyTheTypesTheyAskedForAndAReplaySendsTheSameEventAgain() {
        Merchant merchant = merchant("Filtering");
        Map<?, ?> orders = createEndpoint(merchant.key(), receiver.url("/orders", 204), List.of("order.*"), null);
        Map<?, ?> stock = createEndpoint(merchant.key(), receiver.url("/stock", 200), List.of("stock.level_changed"), null);
        Map<?, ?> everything = createEndpoint(merchant.key(), receiver.url("/all", 200), List.of("*"), null);
        Map<?, ?> switchedOff = createEndpoint(merchant.key(), receiver.url("/off", 200), List.of("*"), null);
        as(merchant.key()).patch().uri("/api/v1/webhook-endpoints/{id}", id(switchedOff)).bodyValue(Map.of("enabled", false))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);

        Map<String, Object> accepted = SampleEvents.orderAccepted("ORD-9");
        String order = append(merchant, EventTypes.ORDER_ACCEPTED, "ORD-9", accepted);
        String level = append(merchant, EventTypes.STOCK_LEVEL_CHANGED, "TEE-M", SampleEvents.stockLevelChanged("TEE-M", 4));
        String other = append(merchant, EventTypes.VARIANT_BACK_IN_STOCK, "TEE-L", SampleEvents.variantBackInStock("TEE-L", 2));

        receiver.await("/all", PATIENCE, got -> got.size() == 3);
        awaitDelivery(merchant.key(), other, id(everything), "delivered");
        awaitDelivery(merchant.key(), order, id(orders), "delivered");
        awaitDelivery(merchant.key(), level, id(stock), "delivered");
        assertThat(receiver.at("/orders")).singleElement().satisfies(r -> assertThat(r.header("webhook-id")).isEqualTo(order));
        assertThat(receiver.at("/stock")).singleElement().satisfies(r -> assertThat(r.header("webhook-id")).isEqualTo(level));
        assertThat(receiver.at("/off")).isEmpty();
        deliveries(merchant.key(), "endpoint_id=" + id(switchedOff)).expectBody().jsonPath("$.items.length()").isEqualTo(0);
        deliveries(merchant.key(), "event_type=order.accepted").expectBody().jsonPath("$.items.length()").isEqualTo(2);

        Map<?, ?> first = deliveries(merchant.key(), "limit=2").expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(2);
        Map<?, ?> second = deliveries(merchant.key(), "limit=2&after=" + first.get("next_cursor")).expectBody(Map.class).returnResult().getResponseBody();
        assertThat(ids(second)).hasSize(2).doesNotContainAnyElementsOf(ids(first));
        Map<?, ?> last = deliveries(merchant.key(), "limit=2&after=" + second.get("next_cursor")).expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) last.get("items")).hasSize(1);
        assertThat(last.get("next_cursor")).isNull();
        as(merchant.key()).get().uri("/api/v1/events?type=order.*").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].event_id").isEqualTo(order)
                .jsonPath("$.items[0].data.order_id").isEqualTo(accepted.get("order_id").toString());

        as(merchant.key()).post().uri("/api/v1/events/{id}/replay", order).exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.deliveries.length()").isEqualTo(2);
        receiver.await("/orders", PATIENCE, got -> got.size() == 2);
        assertThat(receiver.at("/orders").get(1).header("webhook-id")).isEqualTo(order);
        as(merchant.key()).post().uri("/api/v1/events/{id}/replay?endpoint_id={e}", order, id(stock)).exchange().expectStatus().isAccepted();
        receiver.await("/stock", PATIENCE, got -> got.size() == 2);
        assertThat(receiver.at("/stock").get(1).header("webhook-id")).isEqualTo(order);
        Map<?, ?> replayed = awaitDelivery(merchant.key(), order, id(orders), "delivered", 2);
        assertThat((List<?>) replayed.get("attempts")).hasSize(2);
    }

    @Test
    void badInputWritesNothingAndAnotherMerchantsWebhooksAreNotFound() throws Exception {
        Merchant owner = merchant("Owner");
        Merchant stranger = merchant("Stranger");
        as(owner.key()).post().uri("/api/v1/webhook-endpoints").bodyValue(Map.of("url", "ftp://example.com/hook", "event_types", List.of("*")))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
        as(owner.key()).post().uri("/api/v1/webhook-endpoints")
                .bodyValue(Map.of("url", "https://example.com/hook", "event_types", List.of("order.*", "Order Accepted")))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("event_types[1]");
        as(owner.key()).post().uri("/api/v1/webhook-endpoints").bodyValue(Map.of("url", "https://example.com/hook"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("event_types");
        as(owner.key()).get().uri("/api/v1/webhook-endpoints").exchange().expectBody().jsonPath("$.length()").isEqualTo(0);

        Map<?, ?> created = createEndpoint(owner.key(), receiver.url("/owner", 200), List.of("order.*"), "orders");
        String endpoint = id(created);
        as(owner.key()).patch().uri("/api/v1/webhook-endpoints/{id}", endpoint).bodyValue(Map.of("url", "mailto:x@example.com"))
                .exchange().expectStatus().isEqualTo(422);
        as(owner.key()).get().uri("/api/v1/webhook-endpoints/{id}", endpoint).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo(receiver.url("/owner", 200)).jsonPath("$.description").isEqualTo("orders");
        String event = append(owner, EventTypes.ORDER_ACCEPTED, "ORD-1", SampleEvents.orderAccepted("web"));
        Map<?, ?> delivery = awaitDelivery(owner.key(), event, endpoint, "delivered");

        as(stranger.key()).get().uri("/api/v1/webhook-endpoints/{id}", endpoint).exchange().expectStatus().isNotFound();
        as(stranger.key()).patch().uri("/api/v1/webhook-endpoints/{id}", endpoint).bodyValue(Map.of("enabled", false)).exchange().expectStatus().isNotFound();
        as(stranger.key()).post().uri("/api/v1/webhook-endpoints/{id}/secret-rotation", endpoint).exchange().expectStatus().isNotFound();
        as(stranger.key()).delete().uri("/api/v1/webhook-endpoints/{id}", endpoint).exchange().expectStatus().isNotFound();
        as(stranger.key()).get().uri("/api/v1/webhook-deliveries/{id}", delivery.get("id")).exchange().expectStatus().isNotFound();
        as(stranger.key()).post().uri("/api/v1/events/{id}/replay", event).exchange().expectStatus().isNotFound();
        as(stranger.key()).get().uri("/api/v1/webhook-deliveries").exchange().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        as(stranger.key()).get().uri("/api/v1/events").exchange().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        String strangers = id(createEndpoint(stranger.key(), receiver.url("/stranger", 200), List.of("*"), null));
        as(owner.key()).post().uri("/api/v1/events/{id}/replay?endpoint_id={e}", event, strangers).exchange().expectStatus().isNotFound();

        // After a rotation both secrets sign for a while, so the receiver can switch without a gap.
        String oldSecret = (String) created.get("secret");
        Map<?, ?> rotated = as(owner.key()).post().uri("/api/v1/webhook-endpoints/{id}/secret-rotation", endpoint).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String newSecret = (String) rotated.get("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        append(owner, EventTypes.ORDER_STATUS_CHANGED, "ORD-1", SampleEvents.orderStatusChanged());
        WebhookReceiver.Received afterRotation = receiver.await("/owner", PATIENCE, got -> got.size() == 2).get(1);
        assertThat(afterRotation.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(StandardWebhooksVerifier.verifies(newSecret, afterRotation)).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(oldSecret, afterRotation)).isTrue();
        assertThat(receiver.at("/stranger")).isEmpty();

        as(owner.key()).delete().uri("/api/v1/webhook-endpoints/{id}", endpoint).exchange().expectStatus().isNoContent();
        as(owner.key()).get().uri("/api/v1/webhook-endpoints/{id}", endpoint).exchange().expectStatus().isNotFound();
        as(owner.key()).get().uri("/api/v1/webhook-deliveries/{id}", delivery.get("id")).exchange().expectStatus().isNotFound();
    }

    private Merchant merchant(String name) {
        String key = newMerchant(name);
        Map<?, ?> self = as(key).get().uri("/api/v1/merchant").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return new Merchant(key, UUID.fromString((String) self.get("id")));
    }

    private Map<?, ?> createEndpoint(String key, String url, List<String> types, String description) {
        Map<String, Object> body = description == null
                ? Map.of("url", url, "event_types", types)
                : Map.of("url", url, "event_types", types, "description", description);
        return as(key).post().uri("/api/v1/webhook-endpoints").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String id(Map<?, ?> created) {
        return (String) ((Map<?, ?>) created.get("endpoint")).get("id");
    }

    /** Writes an event through the outbox as a feature would, and returns its event id. */
    private String append(Merchant merchant, String type, String subject, Map<String, Object> data) {
        outbox.append(merchant.id(), type, subject, data).block();
        Map<?, ?> latest = as(merchant.key()).get().uri("/api/v1/events?limit=1").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> event = (Map<?, ?>) ((List<?>) latest.get("items")).get(0);
        assertThat(event.get("type")).isEqualTo(type);
        return (String) event.get("event_id");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec deliveries(String key, String query) {
        return as(key).get().uri("/api/v1/webhook-deliveries?" + query).exchange().expectStatus().isOk();
    }

    private Map<?, ?> awaitDelivery(String key, String eventId, String endpointId, String status) {
        return awaitDelivery(key, eventId, endpointId, status, 1);
    }

    private Map<?, ?> awaitDelivery(String key, String eventId, String endpointId, String status, int minAttempts) {
        return Eventually.until(() -> {
            List<?> items = (List<?>) deliveries(key, "event_id=" + eventId + "&endpoint_id=" + endpointId)
                    .expectBody(Map.class).returnResult().getResponseBody().get("items");
            return items.isEmpty() ? null : (Map<?, ?>) items.get(0);
        }, last -> last != null && status.equals(last.get("status")) && ((List<?>) last.get("attempts")).size() >= minAttempts);
    }

    private static List<Object> ids(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().<Object>map(item -> asMap(item).get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<?, ?> onlyItem(Map<?, ?> page) {
        List<?> items = (List<?>) page.get("items");
        assertThat(items).hasSize(1);
        return (Map<?, ?>) items.get(0);
    }
}
