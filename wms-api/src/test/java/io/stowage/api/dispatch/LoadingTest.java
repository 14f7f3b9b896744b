package io.stowage.api.dispatch;

import static io.stowage.api.dispatch.DockFloor.maps;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The dock with real cartons: each carton packed, labelled and scanned by its SSCC onto its carrier's
 * load; everything that must not leave is refused with its own problem type and changes nothing; the
 * manifest closes the load and ships what is on it, and only that.
 */
class LoadingTest extends ApiTest {

    @Autowired
    TrackingTokens tokens;

    @Test
    void onlyLabelledCartonsOfTheLoadsCarrierAndOfShippableOrdersGoOnAndTheManifestShipsExactlyThem() {
        DockFloor floor = DockFloor.create(this, 10);
        List<String> orders = floor.orders("dpd-baltics/classic", "omniva/courier", "dpd-baltics/classic", "dpd-baltics/classic",
                "dpd-baltics/classic", "dpd-baltics/classic");
        floor.waveAndPick();
        List<Map<?, ?>> shipments = orders.stream().map(floor::packAndLabel).toList();
        Map<?, ?> shipped = shipments.get(0);
        Map<?, ?> otherCarrier = shipments.get(1);
        Map<?, ?> held = shipments.get(2);
        Map<?, ?> voided = shipments.get(3);
        Map<?, ?> unloaded = shipments.get(4);
        Map<?, ?> heldOnBoard = shipments.get(5);
        String carrier = (String) shipped.get("carrier");
        assertThat(otherCarrier.get("carrier")).isNotEqualTo(carrier);
        assertThat(List.of(held, voided, unloaded, heldOnBoard)).allSatisfy(s -> assertThat(s.get("carrier")).isEqualTo(carrier));
        floor.supervisor().post().uri("/api/v1/shipments/{id}/void", voided.get("id")).exchange().expectStatus().isOk();
        floor.world.merchant(this).post().uri("/api/v1/orders/{id}/hold", orders.get(2)).exchange().expectStatus().isOk();

        WebTestClient dock = floor.supervisor();
        Map<?, ?> load = dock.post().uri("/api/v1/loads").bodyValue(Map.of("carrier", carrier, "dock_code", "DOCK-1"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String loadId = (String) load.get("id");
        assertThat(maps(load.get("not_loaded"))).extracting(w -> (String) w.get("sscc"))
                .containsExactlyInAnyOrder(sscc(shipped), sscc(held), sscc(unloaded), sscc(heldOnBoard));

        scan(dock, loadId, "s1", "(00)" + sscc(shipped)).expectStatus().isCreated()
                .expectBody().jsonPath("$.carton.sscc").isEqualTo(sscc(shipped)).jsonPath("$.parcels").isEqualTo(1)
                .jsonPath("$.weight_grams").isEqualTo(shipped.get("weight_grams"));
        refused(scan(dock, loadId, "s2", sscc(shipped)), 409, "carton-already-loaded");
        refused(scan(dock, loadId, "s3", sscc(otherCarrier)), 422, "wrong-carrier");
        refused(scan(dock, loadId, "s4", sscc(held)), 409, "order-not-packed");
        refused(scan(dock, loadId, "s5", sscc(voided)), 409, "carton-voided");
        assertThat(shipmentStatus(floor, otherCarrier)).isEqualTo("labelled");
        assertThat(shipmentStatus(floor, held)).isEqualTo("labelled");
        assertThat(shipmentStatus(floor, voided)).isEqualTo("voided");

        // A carton on the trailer cannot have its label voided; taken off again, it is labelled and may be
        scan(dock, loadId, "s6", sscc(unloaded)).expectStatus().isCreated();
        assertThat(shipmentStatus(floor, unloaded)).isEqualTo("loaded");
        dock.post().uri("/api/v1/shipments/{id}/void", unloaded.get("id")).exchange().expectStatus().isEqualTo(409);
        dock.delete().uri("/api/v1/loads/{id}/cartons/{sscc}", loadId, sscc(unloaded)).exchange().expectStatus().isNoContent();
        assertThat(shipmentStatus(floor, unloaded)).isEqualTo("labelled");

        // An order held after its carton was loaded stops the close until the carton comes off
        scan(dock, loadId, "s7", sscc(heldOnBoard)).expectStatus().isCreated();
        floor.world.merchant(this).post().uri("/api/v1/orders/{id}/hold", orders.get(5)).exchange().expectStatus().isOk();
        refused(dock.post().uri("/api/v1/loads/{id}/close", loadId).header("Idempotency-Key", "close-1").exchange(), 409, "order-not-packed");
        dock.get().uri("/api/v1/loads/{id}", loadId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("open").jsonPath("$.parcels").isEqualTo(2);
        assertThat(shipmentStatus(floor, shipped)).isEqualTo("loaded");
        dock.delete().uri("/api/v1/loads/{id}/cartons/{sscc}", loadId, sscc(heldOnBoard)).exchange().expectStatus().isNoContent();

        Map<?, ?> closed = dock.post().uri("/api/v1/loads/{id}/close", loadId).header("Idempotency-Key", "close-2")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(closed.get("status")).isEqualTo("closed");
        assertThat((String) closed.get("manifest_number")).startsWith(floor.world.node + "-" + carrier.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "-") + "-");
        assertThat(maps(closed.get("cartons"))).extracting(c -> (String) c.get("sscc")).containsExactly(sscc(shipped));
        assertThat(shipmentStatus(floor, shipped)).isEqualTo("shipped");
        assertThat(floor.orderStatus(orders.get(0))).isEqualTo("shipped");
        assertThat(shipmentStatus(floor, unloaded)).isEqualTo("labelled");
        assertThat(floor.orderStatus(orders.get(4))).isEqualTo("packed");
        refused(scan(dock, loadId, "s8", sscc(unloaded)), 409, "load-closed");
        String csv = dock.get().uri("/api/v1/loads/{id}/manifest.csv", loadId).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv").expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv.split("\r\n")[1]).contains(sscc(shipped) + "," + shipped.get("tracking_number") + "," + shipped.get("weight_grams"));
        dock.get().uri("/api/v1/loads/{id}/manifest.pdf", loadId).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/pdf");

        // The store hears it with the tracking number, the carrier and its public tracking link
        Map<?, ?> event = maps(floor.world.merchant(this).get().uri("/api/v1/events?type=shipment.shipped").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items")).get(0);
        Map<?, ?> data = (Map<?, ?>) event.get("data");
        assertThat(data.get("sscc")).isEqualTo(sscc(shipped));
        assertThat(data.get("tracking_number")).isEqualTo(shipped.get("tracking_number"));
        assertThat(data.get("carrier")).isEqualTo(carrier);
        assertThat(data.get("manifest_number")).isEqualTo(closed.get("manifest_number"));
        TrackingTokens.TrackingToken token = tokens.forShipment(java.util.UUID.fromString((String) shipped.get("id"))).block();
        assertThat(data.get("tracking_url")).isEqualTo(token.url());
        assertThat(token.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(tokens.byToken(token.token()).block().shipmentId()).isEqualTo(token.shipmentId());
        assertThat(tokens.forShipment(java.util.UUID.fromString((String) unloaded.get("id"))).block().token()).isNotEqualTo(token.token());
        assertBooksAgree(floor.world.merchantId);
    }

    private static String sscc(Map<?, ?> shipment) {
        return (String) shipment.get("sscc");
    }

    private String shipmentStatus(DockFloor floor, Map<?, ?> shipment) {
        return (String) floor.world.merchant(this).get().uri("/api/v1/shipments/{id}", shipment.get("id")).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("status");
    }

    private static WebTestClient.ResponseSpec scan(WebTestClient dock, String loadId, String key, String sscc) {
        return dock.post().uri("/api/v1/loads/{id}/cartons", loadId).header("Idempotency-Key", key).bodyValue(Map.of("sscc", sscc)).exchange();
    }

    private static void refused(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/" + type);
    }
}
