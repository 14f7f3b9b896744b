package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.FastTrackingTest;
import java.util.List;
import java.util.Map;

/** Tracking's HTTP tests, on the fast journeys and loops of {@link FastTrackingTest}. */
abstract class TrackingApiTest extends FastTrackingTest {

    static final String SANDBOX_SECRET = "sandbox-demo-webhook-secret";

    /** The shipment's tracking as the merchant reads it; an empty map while it is not tracked yet (404). */
    Map<?, ?> tracking(String merchantKey, Object shipmentId) {
        var result = as(merchantKey).get().uri("/api/v1/shipments/{id}/tracking", shipmentId).exchange()
                .expectBody(Map.class).returnResult();
        if (result.getStatus().value() == 404) {
            return Map.of("summary", Map.of());
        }
        assertThat(result.getStatus().value()).as("tracking of %s", shipmentId).isEqualTo(200);
        return result.getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(Map<?, ?> tracking) {
        return (Map<String, Object>) tracking.get("summary");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events(Map<?, ?> tracking) {
        return (List<Map<String, Object>>) tracking.get("events");
    }

    /** The merchant's events of a type from its event log (every one written, whether delivered or not). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> merchantEvents(String merchantKey, String type, Object shipmentId) {
        Map<?, ?> page = as(merchantKey).get().uri("/api/v1/events?type={type}&limit=100", type).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(event -> String.valueOf(shipmentId).equals(event.get("subject")))
                .toList();
    }
}
