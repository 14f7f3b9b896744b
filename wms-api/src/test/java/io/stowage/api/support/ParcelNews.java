package io.stowage.api.support;

import io.stowage.carriers.label.LabelRenderer;
import io.stowage.carriers.sandbox.SandboxCarrier;
import io.stowage.carriers.sandbox.SandboxSettings;
import io.stowage.carriers.tracking.PickupPoint;
import io.stowage.carriers.tracking.PickupPointJson;
import io.stowage.carriers.tracking.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * News of a sandbox parcel, as the sandbox carrier's signed webhook brings it to
 * {@code POST /api/v1/carrier-webhooks/sandbox}. The scans are dated an hour and more ahead, after
 * every scan of the parcel's own scripted journey, so the journey (which goes on in the background)
 * never overtakes what a test has told.
 */
public final class ParcelNews {

    private static final WebhookVerifier SIGNER = new WebhookVerifier(SandboxCarrier.CODE,
            new SandboxCarrier(SandboxSettings.demo(new byte[] {1}), Clock.systemUTC(), new LabelRenderer()).webhookSignatureScheme().orElseThrow(),
            "sandbox-demo-webhook-secret".getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiTest test;
    private final String trackingNumber;
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1));
    private int scans;

    public ParcelNews(ApiTest test, String trackingNumber) {
        this.test = test;
        this.trackingNumber = trackingNumber;
    }

    /** The parcel's next scan, a minute after the one before; answers when it happened. */
    public Instant scan(String code, String message, String location) {
        return scan(code, message, location, null);
    }

    /** As {@link #scan(String, String, String)}, with the carrier's estimate of delivery as of this scan (none when null). */
    public Instant scan(String code, String message, String location, LocalDate estimatedDelivery) {
        Instant at = start.plus(Duration.ofMinutes(scans++));
        send(at, code, message, location, estimatedDelivery);
        return at;
    }

    /** The parcel's next scan, naming the pickup point it now waits at (as the sandbox's {@code pickup_point}); its location is the point's name. */
    public Instant scanAt(String code, String message, PickupPoint point) {
        Instant at = start.plus(Duration.ofMinutes(scans++));
        send(at, code, message, point.name(), null, point);
        return at;
    }

    /** A scan dated {@code at}, as a carrier's webhook that comes late (sent again, or overtaken by newer news). */
    public void scanAt(Instant at, String code, String message, String location, LocalDate estimatedDelivery) {
        send(at, code, message, location, estimatedDelivery);
    }

    private void send(Instant at, String code, String message, String location, LocalDate estimatedDelivery) {
        send(at, code, message, location, estimatedDelivery, null);
    }

    private void send(Instant at, String code, String message, String location, LocalDate estimatedDelivery, PickupPoint point) {
        ObjectNode body = JSON.createObjectNode()
                .put("event_id", "evt_" + trackingNumber + "_" + UUID.randomUUID())
                .put("tracking_number", trackingNumber)
                .put("code", code)
                .put("message", message)
                .put("location", location)
                .put("occurred_at", at.toString());
        if (estimatedDelivery != null) {
            body.put("estimated_delivery", estimatedDelivery.toString());
        }
        if (point != null) {
            body.set("pickup_point", PickupPointJson.write(point));
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        test.web.post().uri("/api/v1/carrier-webhooks/{carrier}", SandboxCarrier.CODE).contentType(MediaType.APPLICATION_JSON)
                .header("X-Sandbox-Signature", SIGNER.sign(bytes)).bodyValue(bytes).exchange()
                .expectStatus().isOk();
    }
}
