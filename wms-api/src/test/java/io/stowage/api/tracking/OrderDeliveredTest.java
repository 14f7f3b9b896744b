package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.returns.ReturnableOrder;
import io.stowage.api.support.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A shipped order whose every parcel is delivered is {@code delivered} itself: one history entry by
 * tracking and one {@code order.status_changed}, however many times the carrier reports the delivery.
 */
class OrderDeliveredTest extends TrackingApiTest {

    @Autowired
    TrackingTokens tokens;

    @Test
    void theOrderIsDeliveredOnceWhenItsOnlyParcelIs() {
        ReturnableOrder shipped = ReturnableOrder.shipped(this, tokens);
        WebTestClient merchant = shipped.merchant(this);

        Map<?, ?> order = Eventually.until(() -> merchant.get().uri("/api/v1/orders/{id}", shipped.orderId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody(), read -> "delivered".equals(read.get("status")));
        assertThat(order.get("status")).isEqualTo("delivered");

        // The sandbox sends half its webhooks twice: the order still moves once.
        Eventually.throughout(Duration.ofSeconds(2), () -> deliveredSteps(merchant, shipped.orderId).size() == 1);
        assertThat(deliveredSteps(merchant, shipped.orderId)).singleElement()
                .satisfies(step -> assertThat(step).containsEntry("from_status", "shipped").containsEntry("actor", ParcelLedger.ACTOR));
        List<Map<String, Object>> changes = merchantEvents(shipped.floor.world.merchantKey, "order.status_changed", shipped.orderId).stream()
                .filter(event -> "delivered".equals(((Map<?, ?>) event.get("data")).get("to"))).toList();
        assertThat(changes).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> deliveredSteps(WebTestClient merchant, String orderId) {
        List<Map<String, Object>> steps = merchant.get().uri("/api/v1/orders/{id}/history", orderId).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        return steps.stream().filter(step -> "delivered".equals(step.get("to_status"))).toList();
    }
}
