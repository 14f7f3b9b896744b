package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.carriers.sandbox.SandboxCarrier;
import io.stowage.carriers.tracking.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Carriers' webhooks at {@code POST /api/v1/carrier-webhooks/{carrier}}: the signature on the raw
 * body decides, a repeat is stored once, and a refusal stores nothing.
 */
class CarrierWebhookTest extends TrackingApiTest {

    private static final WebhookVerifier SIGNER = new WebhookVerifier(SandboxCarrier.CODE,
            new SandboxCarrier(io.stowage.carriers.sandbox.SandboxSettings.demo(new byte[] {1}), java.time.Clock.systemUTC(),
                    new io.stowage.carriers.label.LabelRenderer()).webhookSignatureScheme().orElseThrow(),
            SANDBOX_SECRET.getBytes(StandardCharsets.UTF_8));

    private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            new org.springframework.core.ParameterizedTypeReference<>() { };

    @Autowired
    DatabaseClient db;

    private static String body(String eventId, String trackingNumber, String code) {
        return """
                {"event_id":"%s","tracking_number":"%s","code":"%s","message":"Arrived at sorting hub","location":"Vilnius hub",
                 "occurred_at":"2026-12-04T10:15:00Z"}""".formatted(eventId, trackingNumber, code);
    }

    private WebTestClient.ResponseSpec post(String carrier, byte[] body, String signature) {
        WebTestClient.RequestBodySpec request = web.post().uri("/api/v1/carrier-webhooks/{carrier}", carrier)
                .contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header("X-Sandbox-Signature", signature);
        }
        return request.bodyValue(body).exchange();
    }

    private long stored(String trackingNumber) {
        return db.sql("SELECT count(*) AS n FROM tracking_events WHERE carrier_code = 'sandbox' AND tracking_number = :number")
                .bind("number", trackingNumber).map(row -> row.get("n", Long.class)).one().block();
    }

    private long receipts(String eventId) {
        return db.sql("SELECT count(*) AS n FROM carrier_webhook_receipts WHERE carrier_code = 'sandbox' AND event_id = :event")
                .bind("event", eventId).map(row -> row.get("n", Long.class)).one().block();
    }

    @Test
    void aSignedWebhookIsStoredAndItsRepeatOnlyOnce() {
        String number = "SBXT" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = "evt_" + number + "_2";
        byte[] bytes = body(eventId, number, "ARRIVED_AT_HUB").getBytes(StandardCharsets.UTF_8);

        Map<String, Object> first = post("sandbox", bytes, SIGNER.sign(bytes)).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(first).containsEntry("duplicate", false).containsEntry("events", 1).containsEntry("event_id", eventId);
        Map<String, Object> again = post("sandbox", bytes, SIGNER.sign(bytes)).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(again).containsEntry("duplicate", true).containsEntry("events", 0);

        assertThat(stored(number)).isEqualTo(1);
        assertThat(receipts(eventId)).isEqualTo(1);
    }

    @Test
    void aWrongOrMissingSignatureIs401AndStoresNothing() {
        String number = "SBXT" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = "evt_" + number + "_1";
        byte[] bytes = body(eventId, number, "PICKED_UP").getBytes(StandardCharsets.UTF_8);
        byte[] tampered = body(eventId, number, "DELIVERED").getBytes(StandardCharsets.UTF_8);

        post("sandbox", tampered, SIGNER.sign(bytes)).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/carrier-webhook-signature-invalid");
        post("sandbox", bytes, null).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("sandbox", bytes, "sha256=zz").expectStatus().isUnauthorized();

        assertThat(stored(number)).isZero();
        assertThat(receipts(eventId)).isZero();
        // The genuine delivery is still taken afterwards: a refusal recorded nothing.
        post("sandbox", bytes, SIGNER.sign(bytes)).expectStatus().isOk().expectBody().jsonPath("$.duplicate").isEqualTo(false);
        assertThat(stored(number)).isEqualTo(1);
    }

    @Test
    void anUnknownCarrierIs404AndAGarbageBodyIs400WithNothingStored() {
        String number = "SBXT" + UUID.randomUUID().toString().substring(0, 8);
        byte[] bytes = body("evt_" + number + "_1", number, "PICKED_UP").getBytes(StandardCharsets.UTF_8);
        post("no-such-carrier", bytes, SIGNER.sign(bytes)).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/carrier-webhook-not-accepted");
        // A rate card's carrier sends no webhooks.
        post("omniva", bytes, SIGNER.sign(bytes)).expectStatus().isNotFound();

        byte[] garbage = ("{\"event_id\": \"evt_" + number + "\", \"tracking_number\": 42").getBytes(StandardCharsets.UTF_8);
        post("sandbox", garbage, SIGNER.sign(garbage)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/carrier-webhook-malformed");
        byte[] noTime = ("{\"event_id\":\"evt_" + number + "_9\",\"tracking_number\":\"" + number + "\",\"code\":\"PICKED_UP\"}")
                .getBytes(StandardCharsets.UTF_8);
        post("sandbox", noTime, SIGNER.sign(noTime)).expectStatus().isBadRequest();

        assertThat(stored(number)).isZero();
        assertThat(receipts("evt_" + number)).isZero();
        assertThat(receipts("evt_" + number + "_9")).isZero();
    }
}
