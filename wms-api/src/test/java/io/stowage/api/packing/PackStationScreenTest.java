package io.stowage.api.packing;

import static io.stowage.api.packing.PackingFloor.maps;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * What the pack station shows and keeps: each line with its picture and alt text, the lot numbers a
 * lot-tracked line was allocated, the node's sessions listed page by page, and an order cancelled at
 * the bench leaving it (its open carton cancelled, its session closed) rather than staying open.
 */
class PackStationScreenTest extends ApiTest {

    static final String IMAGE = "https://cdn.example.com/catalog/vitc-60.jpg";

    @Test
    void theScreenShowsEachLinesPictureAltTextAndAllocatedLotsAndListsTheOpenSessions() {
        PackingFloor floor = PackingFloor.create(this);
        floor.world.merchant(this).put().uri("/api/v1/products/{code}", "VITC").bodyValue(Map.of("name", "Vitamin C",
                        "variants", List.of(Map.of("sku", "VITC-60", "name", "Vitamin C 60 tablets", "attributes", Map.of("size", "60"),
                                "weight_g", 90, "length_mm", 60, "width_mm", 60, "height_mm", 110, "lot_tracked", true, "expiry_tracked", true,
                                "image_url", "ftp://cdn.example.com/vitc.jpg"))))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").value(field -> assertThat((String) field).endsWith("image_url"));
        floor.world.merchant(this).put().uri("/api/v1/products/{code}", "VITC").bodyValue(Map.of("name", "Vitamin C",
                        "variants", List.of(Map.of("sku", "VITC-60", "name", "Vitamin C 60 tablets", "attributes", Map.of("size", "60"),
                                "weight_g", 90, "length_mm", 60, "width_mm", 60, "height_mm", 110, "lot_tracked", true, "expiry_tracked", true,
                                "image_url", IMAGE))))
                .exchange().expectStatus().is2xxSuccessful();
        floor.world.merchant(this).get().uri("/api/v1/variants/{sku}", "VITC-60").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.image_url").isEqualTo(IMAGE);
        floor.world.merchant(this).post().uri("/api/v1/catalog/imports").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("product_code,product_name,sku,variant_name,weight_g,length_mm,width_mm,height_mm,image_url\r\n"
                        + "SOCK,Socks,SOCK-39-GREY,Socks 39 grey,50,200,100,20,http://cdn.example.com/sock.png\r\n")
                .exchange().expectStatus().is2xxSuccessful();
        floor.world.merchant(this).get().uri("/api/v1/variants/{sku}", "SOCK-39-GREY").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.image_url").isEqualTo("http://cdn.example.com/sock.png");

        floor.stockLot("VITC-60", "P-03-04-A", 1, "L-EARLY", "2031-01-31");
        floor.stockLot("VITC-60", "P-03-05-A", 1, "L-LATE", "2032-06-30");
        floor.stock("TEE-M-NAVY", "P-03-01-A", 1);
        String order = floor.order("VITC-60", 2, "TEE-M-NAVY", 1);
        floor.pickEverything();
        Map<?, ?> session = floor.packer().post().uri("/api/v1/pack-sessions")
                .bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", order))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        List<Map<?, ?>> lines = maps(maps(session.get("orders")).get(0).get("lines"));
        Map<?, ?> vitamins = lines.stream().filter(line -> "VITC-60".equals(line.get("sku"))).findFirst().orElseThrow();
        assertThat(vitamins.get("image_url")).isEqualTo(IMAGE);
        assertThat(vitamins.get("alt_text")).isEqualTo("Vitamin C 60 tablets: size 60");
        assertThat(maps(vitamins.get("lots"))).extracting(lot -> (Object) lot.get("lot_number")).containsExactly("L-EARLY", "L-LATE");
        assertThat(maps(vitamins.get("lots"))).extracting(lot -> (Object) lot.get("remaining")).containsExactly(1, 1);
        assertThat(maps(vitamins.get("lots")).get(0).get("expires_on")).isEqualTo("2031-01-31");
        Map<?, ?> tee = lines.stream().filter(line -> "TEE-M-NAVY".equals(line.get("sku"))).findFirst().orElseThrow();
        assertThat(maps(tee.get("lots"))).as("a line without lots lists none").isEmpty();
        assertThat(tee.get("image_url")).isNull();

        Map<?, ?> open = floor.supervisor().get().uri("/api/v1/pack-sessions?station_code={station}&status=open", PackingFloor.STATION)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(maps(open.get("items"))).extracting(item -> (Object) item.get("id")).contains(session.get("id"));
        Map<?, ?> listed = maps(open.get("items")).stream().filter(item -> session.get("id").equals(item.get("id"))).findFirst().orElseThrow();
        assertThat(listed.get("station_code")).isEqualTo(PackingFloor.STATION);
        assertThat(listed.get("open_orders")).isEqualTo(1);
        floor.packer().get().uri("/api/v1/pack-sessions?status=lost").exchange().expectStatus().isEqualTo(422);
        floor.packer().get().uri("/api/v1/pack-sessions?after=bm90LWEtY3Vyc29y").exchange().expectStatus().isEqualTo(422);
        floor.packer().get().uri("/api/v1/pack-sessions?station_code=NO-SUCH-BENCH").exchange().expectStatus().is4xxClientError();
    }

    @Test
    void sessionsArePagedOldestFirst() {
        PackingFloor floor = PackingFloor.create(this);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 3);
        List<String> orders = List.of(floor.order("TEE-M-NAVY", 1), floor.order("TEE-M-NAVY", 1), floor.order("TEE-M-NAVY", 1));
        floor.pickEverything();
        List<String> packers = List.of(floor.packerToken, PackingFloor.worker(this, floor.world, "R" + floor.world.badge, "Packer two", "packer"),
                PackingFloor.worker(this, floor.world, "S" + floor.world.badge, "Packer three", "packer"));
        for (int i = 0; i < 3; i++) {
            as(packers.get(i)).post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", orders.get(i)))
                    .exchange().expectStatus().isCreated();
        }
        Map<?, ?> first = floor.supervisor().get().uri("/api/v1/pack-sessions?limit=2").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> second = floor.supervisor().get().uri("/api/v1/pack-sessions?limit=2&after={after}", first.get("next_cursor")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(maps(first.get("items"))).hasSize(2);
        assertThat(maps(second.get("items"))).hasSize(1);
        assertThat(second.get("next_cursor")).isNull();
        assertThat(maps(second.get("items")).get(0).get("packer_name")).isEqualTo("Packer three");
    }

    @Test
    void anOrderCancelledAtTheBenchLeavesItsCartonCancelledAndItsSessionClosed() {
        PackingFloor floor = PackingFloor.create(this);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 2);
        String order = floor.order("TEE-M-NAVY", 2);
        floor.pickEverything();
        String sessionId = (String) floor.packer().post().uri("/api/v1/pack-sessions")
                .bodyValue(Map.of("station_code", PackingFloor.STATION, "order_id", order))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        Object cartonId = floor.packer().post().uri("/api/v1/pack-sessions/{id}/cartons", sessionId).bodyValue(Map.of("order_id", order))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        floor.packer().post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", "scan-" + UUID.randomUUID())
                .bodyValue(Map.of("sku", "TEE-M-NAVY")).exchange().expectStatus().isOk();

        floor.world.merchant(this).post().uri("/api/v1/orders/{id}/cancel", order).exchange().expectStatus().isOk();

        Map<?, ?> carton = Eventually.until(() -> floor.packer().get().uri("/api/v1/cartons/{id}", cartonId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody(), read -> "cancelled".equals(read.get("status")));
        assertThat(maps(carton.get("lines"))).as("what was in it stays on record").hasSize(1);
        Map<?, ?> session = floor.packer().get().uri("/api/v1/pack-sessions/{id}", sessionId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(session.get("status")).isEqualTo("closed");
        Map<?, ?> open = floor.supervisor().get().uri("/api/v1/pack-sessions?status=open").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(maps(open.get("items"))).extracting(item -> (Object) item.get("id")).doesNotContain(sessionId);
        // The units go back to their shelf with the cancellation's put-back task, as for units not yet in a carton.
        Map<?, ?> putBacks = Eventually.until(() -> floor.supervisor().get().uri("/api/v1/put-back-tasks").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody(), page -> maps(page.get("items")).stream()
                .anyMatch(task -> order.equals(task.get("order_id"))));
        assertThat(maps(putBacks.get("items")).stream().filter(task -> order.equals(task.get("order_id")))
                .mapToInt(task -> (Integer) task.get("quantity")).sum()).isEqualTo(2);
        assertBooksAgree(floor.world.merchantId);
    }
}
