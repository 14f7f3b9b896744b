package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.returns.ReturnableOrder;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.ParcelNews;
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

    /**
     * The carrier scanned the parcel delivered while its carton still waited for the load's manifest to
     * close: the order is not delivered then (it never skips shipped), but as soon as it ships.
     */
    @Test
    void anOrderWhoseParcelWasDeliveredBeforeItsManifestClosedIsDeliveredWhenItShips() {
        ReturnableOrder.Labelled labelled = ReturnableOrder.labelled(this);
        String merchantKey = labelled.floor().world.merchantKey;
        WebTestClient merchant = labelled.floor().world.merchant(this);
        Eventually.until(() -> summary(tracking(merchantKey, labelled.shipmentId())), summary -> summary.containsKey("status"));
        new ParcelNews(this, labelled.trackingNumber()).scan("DELIVERED", "Delivered", "Vilnius");
        Eventually.until(() -> summary(tracking(merchantKey, labelled.shipmentId())), summary -> "delivered".equals(summary.get("status")));
        assertThat(status(merchant, labelled.orderId())).isEqualTo("packed");

        ReturnableOrder shipped = labelled.ship(this, tokens);

        assertThat(Eventually.until(() -> status(merchant, shipped.orderId), "delivered"::equals)).isEqualTo("delivered");
        assertThat(deliveredSteps(merchant, shipped.orderId)).singleElement()
                .satisfies(step -> assertThat(step).containsEntry("from_status", "shipped").containsEntry("actor", ParcelLedger.ACTOR));
    }

    private static String status(WebTestClient merchant, String orderId) {
        return (String) merchant.get().uri("/api/v1/orders/{id}", orderId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("status");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> deliveredSteps(WebTestClient merchant, String orderId) {
        List<Map<String, Object>> steps = merchant.get().uri("/api/v1/orders/{id}/history", orderId).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        return steps.stream().filter(step -> "delivered".equals(step.get("to_status"))).toList();
    }
}
