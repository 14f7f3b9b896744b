package io.stowage.api.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.FastTrackingTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The return window runs from delivery once the carrier reported it, and from shipping before: a
 * sandbox parcel on a journey of seconds is refused under a window of 0 days first "from shipping",
 * then, delivered, "from delivery", closed at the delivery time tracking recorded.
 */
class ReturnWindowFromDeliveryTest extends FastTrackingTest {

    @Autowired
    TrackingTokens tokens;

    @Test
    void theWindowRunsFromTheDeliveryTrackingRecorded() {
        ReturnableOrder shipped = ReturnableOrder.shipped(this, tokens);
        WebTestClient merchant = shipped.merchant(this);
        ReturnableOrder.policy(merchant, 0, List.of());
        Map<String, Object> oneTee = Map.of("order_id", shipped.orderId, "items", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1, "reason", "changed_mind")));

        Map<?, ?> delivered = Eventually.until(() -> merchant.get().uri("/api/v1/shipments/{id}/tracking", shipped.shipmentId).exchange()
                .expectBody(Map.class).returnResult().getResponseBody(), tracking -> tracking != null && tracking.get("summary") instanceof Map<?, ?> summary
                && "delivered".equals(summary.get("status")));
        Instant deliveredAt = Instant.parse((String) ((Map<?, ?>) delivered.get("summary")).get("delivered_at"));

        merchant.post().uri("/api/v1/returns").header("Idempotency-Key", "late-" + UUID.randomUUID()).bodyValue(oneTee).exchange()
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/return-window-closed"))
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("from delivery closed at " + deliveredAt));

        ReturnableOrder.policy(merchant, 1, List.of());
        merchant.post().uri("/api/v1/returns").header("Idempotency-Key", "in-time-" + UUID.randomUUID()).bodyValue(oneTee).exchange()
                .expectStatus().isCreated();
    }
}
