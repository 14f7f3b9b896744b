package io.stowage.api.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * EasyPost names the real carrier in upper case ({@code easypost:UPS}) while the dock opens loads
 * with the carrier's code as the directory spells it ({@code easypost:ups}): a carton labelled
 * through EasyPost must still be found by its load, listed as not loaded, scanned on and manifested.
 */
class EasyPostDockTest extends ApiTest {

    @Test
    void anEasyPostCartonIsListedScannedAndManifestedOnItsCarriersLoad() throws Exception {
        PackStation station = PackStation.create(this);
        ShippingDesk desk = station.desk;
        try (FakeEasyPost easyPost = new FakeEasyPost()) {
            Map<?, ?> shipment = station.labelledThroughEasyPost(easyPost);
            assertThat(shipment.get("carrier")).as("carrier codes are stored as the directory spells them").isEqualTo("easypost:ups");
            String sscc = (String) shipment.get("sscc");

            Map<?, ?> load = desk.supervisor().post().uri("/api/v1/loads").bodyValue(Map.of("carrier", "EasyPost:UPS"))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(load.get("carrier")).isEqualTo("easypost:ups");
            Map<?, ?> read = desk.supervisor().get().uri("/api/v1/loads/{id}", load.get("id")).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(PackStation.maps(read.get("not_loaded"))).extracting(waiting -> (Object) waiting.get("sscc")).containsExactly(sscc);

            desk.supervisor().post().uri("/api/v1/loads/{id}/cartons", load.get("id")).header("Idempotency-Key", UUID.randomUUID().toString())
                    .bodyValue(Map.of("sscc", sscc)).exchange().expectStatus().isCreated();
            desk.supervisor().post().uri("/api/v1/loads/{id}/close", load.get("id")).header("Idempotency-Key", UUID.randomUUID().toString())
                    .exchange().expectStatus().isOk();
            String csv = desk.supervisor().get().uri("/api/v1/loads/{id}/manifest.csv", load.get("id")).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(csv).contains(sscc).contains(FakeEasyPost.TRACKING_CODE);
            List<Map<?, ?>> created = desk.events("shipment.created");
            assertThat(created).extracting(event -> (Object) ((Map<?, ?>) event.get("data")).get("carrier")).containsExactly("easypost:ups");
        }
    }
}
