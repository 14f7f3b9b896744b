package io.stowage.api.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.ParcelNews;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An order is delivered with its last parcel: the sandbox carrier's webhook reports the shipped
 * carton delivered (twice, as carriers do), and the order moves from shipped to delivered once, by
 * tracking, with its event.
 */
class OrderDeliveredTest extends ApiTest {

    @Autowired
    TrackingTokens tokens;

    @Test
    @SuppressWarnings("unchecked")
    void aShippedOrderIsDeliveredOnceWhenItsParcelIs() {
        ReturnableOrder shipped = ReturnableOrder.shipped(this, tokens);
        assertThat(order(shipped).get("status")).isEqualTo("shipped");
        String trackingNumber = (String) shipped.merchant(this).get().uri("/api/v1/shipments/{id}", shipped.shipmentId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("tracking_number");
        ParcelNews news = new ParcelNews(this, trackingNumber);
        news.scan("ARRIVED_AT_HUB", "Arrived at sorting hub", "Vilnius hub");
        news.scan("DELIVERED", "Delivered", "Vilnius");
        news.scan("DELIVERED", "Delivered", "Vilnius");

        Eventually.until(() -> order(shipped), read -> "delivered".equals(read.get("status")));
        List<Map<String, Object>> history = shipped.merchant(this).get().uri("/api/v1/orders/{id}/history", shipped.orderId).exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(step -> (Map<String, Object>) step).toList();
        assertThat(history).filteredOn(step -> "delivered".equals(step.get("to_status")))
                .singleElement()
                .satisfies(step -> assertThat(step).containsEntry("from_status", "shipped").containsEntry("actor", "system:tracking"));
        assertThat(history.get(history.size() - 1).get("to_status")).isEqualTo("delivered");
        Eventually.throughout(Duration.ofSeconds(1), () -> statusChangesToDelivered(shipped) == 1);
    }

    private Map<?, ?> order(ReturnableOrder shipped) {
        return shipped.merchant(this).get().uri("/api/v1/orders/{id}", shipped.orderId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private long statusChangesToDelivered(ReturnableOrder shipped) {
        List<?> events = (List<?>) shipped.merchant(this).get().uri("/api/v1/events?type=order.status_changed&limit=100").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
        return events.stream().map(event -> (Map<?, ?>) ((Map<?, ?>) event).get("data"))
                .filter(data -> shipped.orderId.equals(data.get("order_id")) && "delivered".equals(data.get("to")))
                .count();
    }
}
