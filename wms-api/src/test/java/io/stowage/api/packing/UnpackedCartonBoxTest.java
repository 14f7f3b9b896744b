package io.stowage.api.packing;

import static io.stowage.api.packing.PackingFloor.maps;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.boxes.PackagingStock;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A closed carton whose order is cancelled before it ships is unpacked at the pack station: the box it
 * took from the node's packaging stock goes back there through the same stock movements, once, however
 * often the cancellation is handled.
 */
class UnpackedCartonBoxTest extends ApiTest {

    @Autowired
    CancelledOrderPacking cancelledOrders;

    @Autowired
    PackagingStock packagingStock;

    @Test
    void aCancelledOrdersClosedCartonGivesItsBoxBackOnce() {
        PackingFloor floor = PackingFloor.create(this);
        floor.stock("TEE-L-NAVY", "P-03-02-A", 1);
        String orderId = floor.order("TEE-L-NAVY", 1);
        String box = unique("L");
        floor.boxType(box, 600, 400, 300, 200, 150);
        floor.receiveBoxes(box, 5);
        Map<?, ?> batch = floor.pickEverything();
        Map<?, ?> session = floor.packer().post().uri("/api/v1/pack-sessions")
                .bodyValue(Map.of("station_code", PackingFloor.STATION, "batch_id", batch.get("id"), "tote", PackingFloor.toteOf(batch, orderId)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Object cartonId = PackingTest.openCarton(floor, (String) session.get("id"), orderId).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        PackingTest.scan(floor, cartonId, Map.of("sku", "TEE-L-NAVY")).expectStatus().isOk();
        PackingTest.close(floor, cartonId, Map.of("box_type_code", box, "weight_grams", 380)).expectStatus().isOk();
        assertThat(onHand(floor, box)).as("the box left the stock with the carton").isEqualTo(4);

        floor.world.merchant(this).post().uri("/api/v1/orders/{id}/cancel", orderId).exchange().expectStatus().isOk();

        assertThat(Eventually.until(() -> onHand(floor, box), onHand -> onHand == 5)).as("the unpacked carton's box is back").isEqualTo(5);
        // The cancellation handled again (a fan-out retried after its transaction failed late), and the box asked back again.
        OutboxEvent again = new OutboxEvent(0, UUID.randomUUID(), UUID.fromString(floor.world.merchantId), EventTypes.ORDER_STATUS_CHANGED,
                orderId, "{\"order_id\":\"" + orderId + "\",\"from\":\"picked\",\"to\":\"cancelled\"}", OffsetDateTime.now());
        cancelledOrders.handle(again).block();
        packagingStock.returnForCarton(UUID.fromString((String) cartonId), "worker:test").block();
        assertThat(onHand(floor, box)).as("once").isEqualTo(5);

        List<Map<?, ?>> movements = maps(floor.world.merchant(this).get().uri("/api/v1/box-types/{code}/stock-movements", box).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items"));
        assertThat(movements).extracting(movement -> movement.get("reason") + " " + movement.get("delta") + " " + movement.get("on_hand_after"))
                .containsExactly("carton_unpacked 1 5", "carton_closed -1 4", "received 5 5");
        Map<?, ?> unpacked = movements.get(0);
        assertThat(unpacked.get("carton_id")).isEqualTo(cartonId);
        assertThat(unpacked.get("node_code")).isEqualTo(floor.world.node);
        assertThat((String) unpacked.get("actor")).as("whoever cancelled the order").startsWith("merchant:");
    }

    private int onHand(PackingFloor floor, String box) {
        Map<?, ?> boxType = floor.world.merchant(this).get().uri("/api/v1/box-types/{code}", box).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (Integer) maps(boxType.get("stock")).get(0).get("on_hand");
    }
}
