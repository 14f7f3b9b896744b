package io.stowage.api.packing;

import static io.stowage.api.packing.PackingFloor.maps;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An order cancelled after the packer declared some of its units missing: the put-back task brings
 * back only the units still booked for it at the pack station. The missing ones were written off at
 * the short; asking for them again would take another order's units off the books (or write them off
 * twice when the worker does not find them).
 */
class PutBackAfterPackShortTest extends ApiTest {

    @Test
    void theCancelledOrdersPutBackLeavesOutWhatThePackerDeclaredShort() {
        PackingFloor floor = PackingFloor.create(this);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 3);
        String cancelled = floor.order("TEE-M-NAVY", 2);
        String kept = floor.order("TEE-M-NAVY", 1);
        floor.pickEverything();
        assertThat(onHand(floor, PackingFloor.STATION)).isEqualTo(3);

        String sessionId = (String) floor.packer().post().uri("/api/v1/pack-sessions")
                .bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", cancelled))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        PackingTest.declareShort(floor, sessionId, cancelled, 1, 1).expectStatus().isOk()
                .expectBody().jsonPath("$.units_written_off").isEqualTo(1);
        assertThat(onHand(floor, PackingFloor.STATION)).isEqualTo(2);
        floor.world.merchant(this).post().uri("/api/v1/orders/{id}/cancel", cancelled).exchange().expectStatus().isOk();

        Map<?, ?> task = Eventually.until(() -> maps(floor.picker().get().uri("/api/v1/put-back-tasks?status=open").exchange()
                        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items")), tasks -> !tasks.isEmpty())
                .get(0);
        assertThat(task.get("order_id")).isEqualTo(cancelled);
        assertThat(task.get("quantity")).as("one unit of the cancelled order is left at the pack station").isEqualTo(1);

        Map<?, ?> answer = floor.picker().post().uri("/api/v1/put-back-tasks/{id}/confirm", task.get("id")).header("Idempotency-Key", "pb-" + task.get("id"))
                .bodyValue(Map.of("from_location_code", PackingFloor.STATION, "sku", "TEE-M-NAVY", "to_location_code", task.get("to_location_code"),
                        "quantity", 1))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer.get("units_written_off")).isEqualTo(0);
        assertThat(onHand(floor, PackingFloor.STATION)).as("the kept order's unit").isEqualTo(1);
        assertThat(floor.orderView(kept).get("status")).isEqualTo("picked");
        assertBooksAgree(floor.world.merchantId);
    }

    private int onHand(PackingFloor floor, String locationCode) {
        List<Map<?, ?>> balances = maps(floor.world.merchant(this).get().uri("/api/v1/stock/balances?sku=TEE-M-NAVY").exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
        return balances.stream().filter(balance -> locationCode.equals(balance.get("location_code")))
                .mapToInt(balance -> (Integer) balance.get("on_hand")).sum();
    }
}
