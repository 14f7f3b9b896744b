package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.shipping.LabelledParcels;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.ParcelNews;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ApplicationContext;

/**
 * A sandbox parcel of a new merchant, labelled and tracked, as tracking's tests in the shared context
 * use it: there the sandbox's own journey takes minutes, so the news a test sends ({@link ParcelNews})
 * is what moves it, and the tracking the merchant reads is what the test looks at.
 */
final class TrackedShipment {

    private final LabelledParcels parcels;
    final UUID id;
    final String trackingNumber;
    final ParcelNews news;

    private TrackedShipment(ApiTest test, LabelledParcels parcels, Map<?, ?> shipment) {
        this.parcels = parcels;
        this.id = UUID.fromString((String) shipment.get("id"));
        this.trackingNumber = (String) shipment.get("tracking_number");
        this.news = new ParcelNews(test, trackingNumber);
    }

    /** Labelled with nothing chosen (the sandbox carries it), with the delivery date promised at checkout (or none), and tracked. */
    static TrackedShipment labelled(ApiTest test, ApplicationContext context, LocalDate promisedOn) {
        LabelledParcels parcels = LabelledParcels.create(test, context);
        Map<?, ?> shipment = parcels.labelled(null, promisedOn);
        assertThat(shipment.get("carrier")).as("news is sent as the sandbox's webhooks").isEqualTo("sandbox");
        TrackedShipment tracked = new TrackedShipment(test, parcels, shipment);
        tracked.await(summary -> summary.get("status") != null);
        return tracked;
    }

    /** The shipment's tracking summary as its merchant reads it; empty while it is not tracked (404). */
    Map<?, ?> summary() {
        var result = parcels.merchant().get().uri("/api/v1/shipments/{id}/tracking", id).exchange().expectBody(Map.class).returnResult();
        return result.getStatus().value() == 404 ? Map.of() : (Map<?, ?>) result.getResponseBody().get("summary");
    }

    Map<?, ?> await(Predicate<Map<?, ?>> done) {
        return Eventually.until(this::summary, done);
    }

    /** The merchant's events of the type about this shipment (every one written). */
    List<?> merchantEvents(String type) {
        Map<?, ?> page = parcels.merchant().get().uri("/api/v1/events?type={type}&limit=100", type).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().filter(event -> id.toString().equals(((Map<?, ?>) event).get("subject"))).toList();
    }

}
