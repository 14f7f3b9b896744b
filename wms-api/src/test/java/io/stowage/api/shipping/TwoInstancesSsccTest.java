package io.stowage.api.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Two packers on two instances closing cartons at the same moment never receive the same SSCC or tracking number. */
@ResourceLock(value = ApiTest.SECOND_INSTANCES, mode = ResourceAccessMode.READ)
@Tag("slow")
class TwoInstancesSsccTest extends ApiTest {

    static final int CARTONS_EACH = 12;

    @Test
    void cartonsClosedAtOnceOnTwoInstancesGetDistinctSsccs() throws Exception {
        PackStation station = PackStation.create(this);
        station.stock("TEE-M-NAVY", "P-03-01-A", CARTONS_EACH);
        station.stock("TEE-L-NAVY", "P-03-02-A", CARTONS_EACH);
        String first = station.order("TEE-M-NAVY", CARTONS_EACH);
        String second = station.order("TEE-L-NAVY", CARTONS_EACH);
        Map<?, ?> batch = station.pickEverything();
        try (ConfigurableApplicationContext other = secondInstance()) {
            WebTestClient packerOne = as(station.packer());
            WebTestClient packerTwo = WebTestClient.bindToServer().responseTimeout(RESPONSE_TIMEOUT)
                    .baseUrl("http://localhost:" + other.getEnvironment().getProperty("local.server.port"))
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + station.packer()).build();
            String sessionOne = PackStation.session(packerOne, batch, first);
            String sessionTwo = PackStation.session(packerTwo, batch, second);

            ExecutorService packers = Executors.newFixedThreadPool(2);
            try {
                List<Callable<List<UUID>>> work = List.of(
                        () -> closeEach(packerOne, sessionOne, first, "TEE-M-NAVY"),
                        () -> closeEach(packerTwo, sessionTwo, second, "TEE-L-NAVY"));
                List<UUID> cartons = new ArrayList<>();
                for (Future<List<UUID>> closed : packers.invokeAll(work)) {
                    cartons.addAll(closed.get());
                }
                List<Map<?, ?>> shipments = cartons.stream().map(station.desk::awaitLabelled).toList();
                assertThat(shipments).hasSize(2 * CARTONS_EACH);
                assertThat(shipments).extracting(shipment -> shipment.get("sscc")).doesNotHaveDuplicates();
                assertThat(shipments).extracting(shipment -> shipment.get("tracking_number")).doesNotHaveDuplicates();
                // No label lost or bought twice: one shipment per carton, each created (and paid for) once.
                for (String order : List.of(first, second)) {
                    List<Map<?, ?>> ofOrder = PackStation.maps(station.desk.supervisor().get().uri("/api/v1/shipments?order_id={order}", order)
                            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items"));
                    assertThat(ofOrder).hasSize(CARTONS_EACH).allSatisfy(shipment -> assertThat(shipment.get("status")).isEqualTo("labelled"));
                    assertThat(ofOrder).extracting(shipment -> shipment.get("carton_id")).doesNotHaveDuplicates();
                }
                List<Map<?, ?>> created = Eventually.until(() -> station.desk.events("shipment.created"), events -> events.size() >= 2 * CARTONS_EACH);
                assertThat(created).hasSize(2 * CARTONS_EACH)
                        .extracting(event -> ((Map<?, ?>) event.get("data")).get("shipment_id")).doesNotHaveDuplicates();
            } finally {
                packers.shutdownNow();
            }
        }
    }

    private static List<UUID> closeEach(WebTestClient packer, String sessionId, String orderId, String sku) {
        List<UUID> cartons = new ArrayList<>();
        for (int i = 0; i < CARTONS_EACH; i++) {
            cartons.add(PackStation.closeCarton(packer, sessionId, orderId, sku, 1, 200));
        }
        return cartons;
    }
}
