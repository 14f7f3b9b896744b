package io.stowage.api.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A carton whose label was voided gets a new one: a new shipment under a new SSCC, bought as at carton
 * close; never a second live label for the carton, and a repeated request (same Idempotency-Key)
 * answers the first relabel instead of buying again.
 */
class RelabelTest extends ApiTest {

    @Test
    void aVoidedCartonIsLabelledAgainUnderANewSsccOnceAndOnlyOnce() {
        PackStation station = PackStation.create(this);
        ShippingDesk desk = station.desk;
        station.stock("TEE-M-NAVY", "P-03-01-A", 1);
        String order = station.order("TEE-M-NAVY", 1);
        Map<?, ?> batch = station.pickEverything();
        WebTestClient packer = as(station.packer());
        UUID carton = PackStation.closeCarton(packer, PackStation.session(packer, batch, order), order, "TEE-M-NAVY", 1, 180);
        Map<?, ?> first = desk.awaitLabelled(carton);

        relabel(packer, carton, "relabel-" + carton).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/carton-not-relabellable");
        desk.supervisor().post().uri("/api/v1/shipments/{id}/void", first.get("id")).header("Idempotency-Key", "void-" + carton)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("voided");
        packer.post().uri("/api/v1/cartons/{id}/relabel", carton).exchange().expectStatus().isEqualTo(422);

        String key = "relabel-2-" + carton;
        Map<?, ?> relabelled = relabel(packer, carton, key).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(relabelled.get("id")).isNotEqualTo(first.get("id"));
        assertThat(relabelled.get("sscc")).isNotEqualTo(first.get("sscc"));
        assertThat(relabelled.get("carton_id")).isEqualTo(carton.toString());
        assertThat(relabelled.get("weight_grams")).isEqualTo(180);
        Map<?, ?> replayed = relabel(packer, carton, key).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(replayed.get("id")).as("the same key answers the first relabel").isEqualTo(relabelled.get("id"));
        relabel(packer, carton, "relabel-3-" + carton).expectStatus().isEqualTo(409);

        Map<?, ?> second = desk.awaitLabelled(carton);
        assertThat(second.get("id")).isEqualTo(relabelled.get("id"));
        assertThat(second.get("tracking_number")).isNotEqualTo(first.get("tracking_number"));
        List<Map<?, ?>> shipments = PackStation.maps(desk.supervisor().get().uri("/api/v1/shipments?order_id={order}", order).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items"));
        assertThat(shipments).extracting(shipment -> (Object) shipment.get("status")).containsExactly("voided", "labelled");
        assertThat(desk.events("shipment.created")).hasSize(2);
        assertThat(desk.events("shipment.voided")).hasSize(1);
    }

    @Test
    void aCartonOfAnotherMerchantOrNodeIsNotFound() {
        ShippingDesk desk = ShippingDesk.create(this);
        relabel(desk.supervisor(), UUID.randomUUID(), "relabel-" + UUID.randomUUID()).expectStatus().isNotFound();
    }

    private static WebTestClient.ResponseSpec relabel(WebTestClient client, UUID carton, String key) {
        return client.post().uri("/api/v1/cartons/{id}/relabel", carton).header("Idempotency-Key", key).exchange();
    }
}
