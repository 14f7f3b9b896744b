package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.shipping.LabelledParcels;
import io.stowage.api.support.Eventually;
import io.stowage.api.webhooks.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Parcels move from label to delivered by themselves: the sandbox's through its signed webhooks, a
 * rate card's carrier (no tracking API) through polls of its scripted demo journey. The merchant
 * hears every status change once and the delivery once.
 */
class ParcelJourneyTest extends TrackingApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient db;

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private String subscribe(LabelledParcels parcels, String path) {
        parcels.merchant().post().uri("/api/v1/webhook-endpoints").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("url", receiver.url(path, 200), "event_types", List.of("shipment.*")))
                .exchange().expectStatus().isCreated();
        return path;
    }

    private String merchantKey(LabelledParcels parcels) {
        return parcels.merchantKey();
    }

    @Test
    void aSandboxParcelIsDeliveredThroughItsWebhooksAndTheMerchantHearsOnce() {
        LabelledParcels parcels = LabelledParcels.create(this, context);
        String path = subscribe(parcels, "/sandbox-" + UUID.randomUUID());
        // Nothing planned or chosen: the sandbox carries it.
        Map<?, ?> shipment = parcels.labelled(null);
        Object shipmentId = shipment.get("id");

        Map<?, ?> delivered = Eventually.until(() -> tracking(merchantKey(parcels), shipmentId),
                tracking -> "delivered".equals(summary(tracking).get("status")));
        Map<String, Object> summary = summary(delivered);
        assertThat(summary).containsEntry("carrier", "sandbox").containsEntry("tracking_number", shipment.get("tracking_number"))
                .containsKey("delivered_at").doesNotContainKey("eta").doesNotContainKey("flag");
        List<Map<String, Object>> events = events(delivered);
        // Door delivery (out for delivery, delivered) or the pickup-point service (waiting there, collected): newest first.
        assertThat(events).extracting(event -> event.get("status"))
                .startsWith("delivered").endsWith("in_transit", "in_transit", "in_transit", "label_created").hasSize(6);
        assertThat(events.get(1).get("status")).isIn("out_for_delivery", "available_for_pickup");

        receiver.await(path, PATIENCE, received -> received.stream().anyMatch(r -> r.text().contains("\"shipment.delivered\"")));
        Eventually.throughout(Duration.ofSeconds(2), () -> deliveredOnce(path, shipmentId));
        assertThat(merchantEvents(merchantKey(parcels), "shipment.delivered", shipmentId)).hasSize(1);
        assertThat(merchantEvents(merchantKey(parcels), "shipment.tracking_updated", shipmentId))
                .extracting(event -> (Object) ((Map<?, ?>) event.get("data")).get("status"))
                .doesNotHaveDuplicates().contains("delivered");
    }

    @Test
    void theSandboxsOwnTrackingLinkIsItsParcelPageNotTheCustomersTokenPage() {
        LabelledParcels parcels = LabelledParcels.create(this, context);
        Map<?, ?> shipment = parcels.labelled(null);
        String link = (String) shipment.get("carrier_tracking_url");
        String path = java.net.URI.create(link).getPath();
        // /track/{token} is the customer's page, opened only by an unguessable token; the carrier's link names the tracking number.
        assertThat(path).isEqualTo("/sandbox-carrier/parcels/" + shipment.get("tracking_number")).doesNotStartWith("/track/");

        Map<?, ?> page = Eventually.until(() -> web.get().uri(path).exchange().expectStatus().isOk()
                        .expectBody(Map.class).returnResult().getResponseBody(),
                found -> !((List<?>) found.get("scans")).isEmpty());
        assertThat(page.get("carrier")).isEqualTo("sandbox");
        assertThat(page.get("tracking_number")).isEqualTo(shipment.get("tracking_number"));
        assertThat(events(Map.of("events", page.get("scans")))).last().satisfies(scan -> assertThat(scan)
                .containsEntry("code", "LABEL_CREATED").containsKeys("occurred_at", "message", "location"));

        web.get().uri("/sandbox-carrier/parcels/SBX-NO-SUCH-" + UUID.randomUUID()).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
    }

    private boolean deliveredOnce(String path, Object shipmentId) {
        return receiver.at(path).stream()
                .filter(r -> r.text().contains("\"shipment.delivered\"") && r.text().contains(String.valueOf(shipmentId)))
                .map(r -> r.header("webhook-id")).distinct().count() == 1;
    }

    @Test
    void aRateCardParcelOnADemoJourneyIsPolledToDelivered() {
        LabelledParcels parcels = LabelledParcels.create(this, context);
        Map<?, ?> shipment = parcels.labelled("omniva/courier");
        assertThat(shipment.get("carrier")).isEqualTo("omniva");

        Map<?, ?> delivered = Eventually.until(() -> tracking(merchantKey(parcels), shipment.get("id")),
                tracking -> "delivered".equals(summary(tracking).get("status")));
        assertThat(events(delivered)).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(event -> assertThat(event).containsKeys("occurred_at", "description", "location"));
        assertThat(merchantEvents(merchantKey(parcels), "shipment.delivered", shipment.get("id"))).hasSize(1);
    }

    /** A rate card's parcel for a locker, on the sandbox's scripted demo journey: only polls bring its news. */
    @Test
    @SuppressWarnings("unchecked")
    void aPolledLockerParcelNamesItsLockerOpenDayAndNight() {
        LabelledParcels parcels = LabelledParcels.create(this, context);
        Map<?, ?> shipment = parcels.labelled("omniva/locker-eco");
        assertThat(shipment.get("carrier")).isEqualTo("omniva");
        Object shipmentId = shipment.get("id");

        Eventually.until(() -> tracking(parcels.merchantKey(), shipmentId), tracking -> "delivered".equals(summary(tracking).get("status")));
        // The locker's wait is a couple of seconds long, so a poll may bring it and the collection at once: its stored scan is what tells.
        String stored = db.sql("""
                        SELECT pickup_point::text AS point FROM tracking_events
                        WHERE carrier_code = 'omniva' AND tracking_number = :number AND carrier_status = 'available_for_pickup'
                        """)
                .bind("number", shipment.get("tracking_number")).map(row -> row.get("point", String.class)).one().block();
        Map<String, Object> locker = tools.jackson.databind.json.JsonMapper.builder().build().readValue(stored, Map.class);
        assertThat(locker).containsEntry("name", "Sandbox paštomatas Akropolis").containsEntry("address_lines", List.of("Ozo g. 25"))
                .containsEntry("postal_code", "LT-08200").containsEntry("city", "Vilnius").containsEntry("country", "LT")
                .containsEntry("opening_hours", Map.of("always_open", true, "days", List.of())).containsKey("collect_by");
        assertThat(PickupPointTest.storedPoint(db, UUID.fromString((String) shipmentId))).as("collected: at no point any more").containsOnlyNulls();
    }
}
