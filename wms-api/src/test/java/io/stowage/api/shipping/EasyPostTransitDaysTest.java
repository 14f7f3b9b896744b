package io.stowage.api.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.tracking.DestinationZones;
import io.stowage.carriers.schedule.DeliverySchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * EasyPost lists no services of its own, and a service's figure would only be its fastest: the business days in
 * transit of the rate actually bought (its {@code est_delivery_days}, 3 for the recorded UPS Standard) come with the
 * shipment, and Stowage's own ETA counts them from the label's day at the destination until the lane has a history.
 */
class EasyPostTransitDaysTest extends ApiTest {

    @Test
    void theBoughtRatesTransitDaysAreKeptWithTheShipmentAndGiveStowagesOwnEta() throws Exception {
        PackStation station = PackStation.create(this);
        try (FakeEasyPost easyPost = new FakeEasyPost()) {
            Map<?, ?> shipment = station.labelledThroughEasyPost(easyPost);
            assertThat(shipment.get("status")).isEqualTo("labelled");
            assertThat(shipment.get("transit_days")).as("the bought rate's est_delivery_days").isEqualTo(3);

            Map<?, ?> ownEta = Eventually.until(() -> ownEta(station.desk.merchant(), (String) shipment.get("id")), eta -> eta != null);
            LocalDate labelDay = DestinationZones.dayAt("LT", Instant.parse((String) shipment.get("labelled_at")));
            LocalDate due = DeliverySchedule.addBusinessDays(labelDay, 3);
            LocalDate today = DestinationZones.dayAt("LT", Instant.now());
            String expected = (due.isBefore(today) ? today : due).toString();
            assertThat(ownEta).isEqualTo(Map.of("from", expected, "to", expected, "basis", "transit_days"));
        }
    }

    private static Map<?, ?> ownEta(WebTestClient merchant, String shipmentId) {
        Map<?, ?> tracking = merchant.get().uri("/api/v1/shipments/{id}/tracking", shipmentId).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        return tracking != null && tracking.get("summary") instanceof Map<?, ?> summary ? (Map<?, ?>) summary.get("own_eta") : null;
    }
}
