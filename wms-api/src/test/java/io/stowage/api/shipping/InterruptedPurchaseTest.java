package io.stowage.api.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance dies while EasyPost has bought the label but not yet answered. Another instance's
 * recovery loop takes the purchase over when the lease runs out, asks for the same shipment again,
 * is told it has postage, reads the label back and stores it: one label, paid once, not lost.
 */
@ResourceLock(value = ApiTest.SECOND_INSTANCES, mode = ResourceAccessMode.READ)
@Tag("slow")
class InterruptedPurchaseTest extends ApiTest {

    @Test
    void aPurchaseInterruptedAfterTheCarrierBoughtTheLabelIsFinishedElsewhereWithoutBuyingTwice() throws Exception {
        ShippingDesk desk = ShippingDesk.create(this);
        try (FakeEasyPost easyPost = new FakeEasyPost()) {
            easyPost.holdFirstPurchase();
            admin().post().uri("/api/v1/admin/merchants/{id}/carrier-accounts", desk.merchantId)
                    .bodyValue(Map.of("carrier", "easypost", "api_key", "EZTK_test_key", "base_uri", easyPost.baseUri()))
                    .exchange().expectStatus().isCreated()
                    .expectBody().jsonPath("$.api_key_set").isEqualTo(true).jsonPath("$.api_key").doesNotExist();
            UUID order = desk.order(null);

            UUID carton;
            ConfigurableApplicationContext doomed = secondInstance("stowage.shipping.purchase-lease=PT3S",
                    "stowage.shipping.recovery-enabled=false");
            try {
                carton = desk.closeCarton(doomed, order, 1, 1200);
                Eventually.until(easyPost::purchases, bought -> bought == 1);
                Map<?, ?> waiting = desk.shipmentOfCarton(carton);
                assertThat(waiting.get("status")).isEqualTo("label_pending");
                assertThat(waiting.get("carrier")).as("the choice is stored before buying").isEqualTo("easypost:ups");
            } finally {
                doomed.close();
            }

            Map<?, ?> shipment = desk.awaitLabelled(carton);
            assertThat(shipment.get("tracking_number")).isEqualTo(FakeEasyPost.TRACKING_CODE);
            assertThat(easyPost.purchases()).as("labels EasyPost charged for").isEqualTo(1);
            assertThat(easyPost.buyCalls()).as("the purchase was asked again, and answered with the label bought").isGreaterThan(1);
            assertThat(new String(desk.label(shipment.get("id"), "zpl"))).contains(FakeEasyPost.TRACKING_CODE);
            assertThat(desk.events("shipment.created")).hasSize(1);
        }
    }
}
