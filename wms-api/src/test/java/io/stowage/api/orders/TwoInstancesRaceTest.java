package io.stowage.api.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Two service instances on one database, many concurrent orders for a variant with little stock. */
@ResourceLock(value = ApiTest.SECOND_INSTANCES, mode = ResourceAccessMode.READ)
@Tag("slow")
class TwoInstancesRaceTest extends ApiTest {


    @Test
    @SuppressWarnings("unchecked")
    void noUnitIsPromisedTwiceAndNoneIsLostAcrossTwoInstances() throws Exception {
        World world = World.create(this);
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", "race-stock")
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-S-SAND", "quantity", 7, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();

        try (ConfigurableApplicationContext second = secondInstance()) {
            WebTestClient one = world.merchant(this);
            WebTestClient two = WebTestClient.bindToServer()
                    .responseTimeout(RESPONSE_TIMEOUT)
                    .baseUrl("http://localhost:" + second.getEnvironment().getProperty("local.server.port"))
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + world.merchantKey).build();

            int orders = 24;
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Callable<Map<?, ?>>> calls = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                WebTestClient instance = i % 2 == 0 ? one : two;
                String key = "race-" + i;
                int quantity = 1 + i % 2;
                calls.add(() -> instance.post().uri("/api/v1/orders").header("Idempotency-Key", key)
                        .bodyValue(OrdersTest.order(List.of(OrdersTest.line("TEE-S-SAND", quantity))))
                        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
            }
            int allocated = 0;
            int waiting = 0;
            for (Future<Map<?, ?>> result : pool.invokeAll(calls)) {
                Map<?, ?> line = (Map<?, ?>) ((List<?>) result.get().get("lines")).get(0);
                allocated += (Integer) line.get("allocated");
                waiting += (Integer) line.get("backordered") + (Integer) line.get("preordered");
            }
            pool.shutdown();

            assertThat(allocated).isEqualTo(7);
            assertThat(allocated + waiting).isEqualTo(orders / 2 * 3);
            List<?> availability = one.get().uri("/api/v1/availability?sku=TEE-S-SAND").exchange().expectStatus().isOk()
                    .expectBody(List.class).returnResult().getResponseBody();
            assertThat((Map<Object, Object>) availability.get(0)).containsEntry("on_hand", 7).containsEntry("reserved", 7).containsEntry("available", 0);
            assertBooksAgree(world.merchantId);
        }
    }
}
